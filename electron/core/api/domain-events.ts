/**
 * What one area of core tells another, in process: never sent to a page (the pages' events are
 * the contract's, api/event-bus.ts). An area that acts on another's news subscribes here, so
 * the composition root wires areas without wrapping their calls.
 */
export interface DomainEventMap {
  /** A pratica's submission is in the outbox: sync sends it now rather than at its next cycle. */
  'outbox.accodata': { praticaId: string };
  /** A pratica was submitted: at a desk, the audit log records who sent it for whom. */
  'pratica.inviata': { praticaId: string; serviceSlug: string; codiceFiscale: string; operatore: string | null; openedBy: string | null };
}

export interface DomainEvents {
  emit<K extends keyof DomainEventMap>(event: K, payload: DomainEventMap[K]): void;
  on<K extends keyof DomainEventMap>(event: K, listener: (payload: DomainEventMap[K]) => void): () => void;
}

export function createDomainEvents(): DomainEvents {
  const listeners = new Map<keyof DomainEventMap, Set<(payload: never) => void>>();
  return {
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
