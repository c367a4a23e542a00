/**
 * The preload: exposes `window.sportello`, built from the contract, and nothing else.
 *
 * Each call goes over its own IPC channel (`sportello:<call>`); the renderer gets no
 * generic invoke and no access to ipcRenderer. Events arrive on one channel and are
 * fanned out to the listeners registered through `sportello.on`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { calls, events } from '../shared/contract';
import { createBridge } from '../shared/contract/bridge';
import type { Result } from '../shared/contract/define';
import { createEventHub } from '../shared/contract/event-hub';
import { EVENT_CHANNEL, callChannel } from '../shared/transport/ipc-channels';

const hub = createEventHub();

ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name === 'string') hub.deliver(name, payload);
});

const sportello = createBridge(calls, events, {
  invoke: (call, input) => ipcRenderer.invoke(callChannel(call), input) as Promise<Result<unknown>>,
  subscribe: (event, listener) => hub.subscribe(event, listener),
});

contextBridge.exposeInMainWorld('sportello', sportello);
