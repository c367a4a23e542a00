/**
 * Electron main: wiring only. Everything it hosts is the same core the browser host
 * runs; this file adds windows, the app:// protocol and IPC.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { configPath } from '../core/config/load';
import { startApp, START_FAILED, StartupError } from '../composition/start';
import { systemPrinter } from '../adapters/print/system-printer';
import { electronKeystore } from './keystore';
import { createChromiumLogin } from './cns-login-chromium';
import { registerAppScheme, serveRenderer } from './protocol';
import { registerContract } from './ipc';
import { createMainWindow, hardenContents, hardenSession } from './windows';

registerAppScheme();
/*
 * Chromium's own words and formats follow the machine's locale: on an English Windows the
 * desk would read "Please fill out this field." and dates as mm/dd/yyyy. The app is Italian.
 */
app.commandLine.appendSwitch('lang', 'it-IT');

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
    try {
      hardenSession();
      serveRenderer(join(__dirname, '../renderer'));
      const { config, core } = await startApp({
        configFile: configPath(),
        version: app.getVersion(),
        core: (c, log) => ({ printer: systemPrinter(c.printer.name), keystore: electronKeystore(log), ...(c.mode === 'home' ? { cnsLogin: createChromiumLogin() } : {}) }),
      });
      registerContract(core, () => windows.filter((w) => !w.isDestroyed()));
      windows.push(createMainWindow(config, join(__dirname, '../preload')));
      app.on('before-quit', () => void core.dispose());
    } catch (error) {
      // Any start-up failure is shown to the person in front of the screen, never a silent exit.
      const title = error instanceof StartupError ? `Sportello: ${error.title}` : START_FAILED;
      dialog.showErrorBox(title, (error as Error).message);
      app.exit(1);
    }
  });
}
