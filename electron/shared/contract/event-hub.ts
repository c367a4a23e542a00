/**
 * Renderer-side fan-out of events, remembering the last payload of each so a
 * component that subscribes after the event arrived (the status bar mounting after
 * the host sent the current state) still starts from the present.
 */
export interface EventHub {
  deliver(event: string, payload: unknown): void;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** Forget everything, e.g. when the connection is lost. */
  clear(): void;
}

export function createEventHub(): EventHub {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const last = new Map<string, unknown>();
  return {
    deliver(event, payload) {
      last.set(event, payload);
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      if (last.has(event)) listener(last.get(event));
      return () => set.delete(listener);
    },
    clear() {
      last.clear();
    },
  };
}
