/**
 * Electron main: wiring only. Everything it hosts is the same core the browser host
 * runs; this file adds windows, the app:// protocol and IPC.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { loadConfig, configPath, dataDirectory } from '../core/config/load';
import { createLogger } from '../core/log/logger';
import { createCore } from '../core/composition';
import { systemPrinter } from '../core/print/system-printer';
import { registerAppScheme, serveRenderer } from './protocol';
import { registerContract } from './ipc';
import { createMainWindow, hardenContents, hardenSession } from './windows';

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const windows: BrowserWindow[] = [];
  app.on('second-instance', () => {
    const main = windows[0];
    if (main) {
      if (main.isMinimized()) main.restore();
      main.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    let config;
    try {
      config = loadConfig(configPath());
    } catch (error) {
      dialog.showErrorBox('Sportello: configurazione non valida', (error as Error).message);
      app.exit(1);
      return;
    }
    const dataDir = dataDirectory(config);
    mkdirSync(dataDir, { recursive: true });
    const log = createLogger({ file: join(dataDir, 'sportello.log') });
    hardenSession();
    serveRenderer(join(__dirname, '../renderer'));
    const printer = systemPrinter(config.printer.name);
    const core = await createCore({ config, log, version: app.getVersion(), dataDir, printer });
    registerContract(core, () => windows.filter((w) => !w.isDestroyed()));
    windows.push(createMainWindow(config, join(__dirname, '../preload')));
    app.on('before-quit', () => void core.dispose());
  });
}
