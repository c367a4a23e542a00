/**
 * Events from core to every connected renderer, each payload checked against the
 * contract before it leaves, so a transport never forwards something the renderer
 * cannot parse.
 */
import type { z } from 'zod';
import type { EventMap } from '../../shared/contract/define';

export type EventListener = (event: string, payload: unknown) => void;

export interface EventBus<E extends EventMap> {
  emit<K extends keyof E & string>(event: K, payload: z.input<E[K]>): void;
  /** Transports subscribe to everything and forward it; returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** The last payload of each event, so a renderer that connects late starts from the present. */
  snapshot(): { event: string; payload: unknown }[];
}

export function createEventBus<E extends EventMap>(events: E): EventBus<E> {
  const listeners = new Set<EventListener>();
  const last = new Map<string, unknown>();
  return {
    emit(event, payload) {
      const schema = events[event];
      if (!schema) throw new Error(`unknown event ${event}`);
      const value = schema.parse(payload);
      last.set(event, value);
      for (const listener of listeners) listener(event, value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot() {
      return [...last.entries()].map(([event, payload]) => ({ event, payload }));
    },
  };
}
