/**
 * The app's windows and the security settings every one of them gets.
 * Kiosk: full screen, no menu, no devtools, no escape shortcuts. Desk and home:
 * a normal window. In every mode: context isolation, sandbox, no Node in the page,
 * no navigation away from the app, no new windows, every permission denied.
 */
import { app, BrowserWindow, Menu, session, type WebContents } from 'electron';
import { join } from 'node:path';
import type { Config } from '../core/config/schema';
import { APP_ORIGIN } from './protocol';

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function createMainWindow(config: Config, preloadDir: string): BrowserWindow {
  const kiosk = config.mode === 'kiosk';
  const window = new BrowserWindow({
    width: 1280,
    height: 900,
    show: false,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    title: `Sportello - ${config.comune.nome}`,
    webPreferences: {
      preload: join(preloadDir, 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows, bypassing will-navigate.
      disableBlinkFeatures: 'Auxclick',
      // DevTools would let anyone at a desk or a home PC drive window.sportello by hand: only unpackaged (development) builds have them.
      devTools: !app.isPackaged,
    },
  });
  if (kiosk) {
    Menu.setApplicationMenu(null);
    window.setMenu(null);
    // In kiosk mode no key combination may leave the app, reload it or open tools.
    window.webContents.on('before-input-event', (event, input) => {
      const key = input.key.toLowerCase();
      const combo = input.control || input.meta || input.alt;
      if (key === 'f11' || key === 'f12' || key === 'f5' || (combo && ['r', 'w', 'q', 'i', 'n', 't', 'f4', 'tab'].includes(key))) {
        event.preventDefault();
      }
    });
  }
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
