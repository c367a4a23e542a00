/**
 * Registers one IPC handler per contract call. A call is served only when it comes
 * from the top frame of one of the app's own windows showing the app's own origin;
 * anything else (a navigated page, an iframe, another webContents) is refused.
 */
import { app, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { calls } from '../shared/contract';
import { callChannel, EVENT_CHANNEL } from '../shared/transport/ipc-channels';
import type { Core } from '../composition/core';
import { APP_ORIGIN } from './protocol';

function isTrustedSender(event: IpcMainInvokeEvent, windows: () => BrowserWindow[]): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!windows().some((w) => w.webContents === event.sender)) return false;
  // Node's URL gives origin "null" for non-special schemes such as app:, so compare
  // scheme and host rather than `origin`.
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function registerContract(core: Core, windows: () => BrowserWindow[]): () => void {
  for (const name of Object.keys(calls)) {
    ipcMain.handle(callChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(event, windows)) {
        return { ok: false, error: { code: 'mittente-non-autorizzato', message: 'Richiesta non autorizzata.' } };
      }
      return core.dispatch(name, input, { transport: 'electron', clientId: String(event.sender.id) });
    });
  }
  // A page that (re)loads starts from the current state of every event.
  const onLoad = (window: BrowserWindow): void => {
    for (const { event, payload } of core.events.snapshot()) window.webContents.send(EVENT_CHANNEL, event, payload);
  };
  app.on('browser-window-created', (_e, window) => window.webContents.on('did-finish-load', () => onLoad(window)));
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const name of Object.keys(calls)) ipcMain.removeHandler(callChannel(name));
  };
}
