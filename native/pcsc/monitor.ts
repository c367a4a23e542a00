/**
 * Watches the PC/SC service: readers coming and going, cards inserted (with their
 * ATR) and removed, and the service itself. With no pcscd, or when pcscd dies,
 * it reports the service unavailable and retries with a backoff capped so that it
 * is back within 3 s of pcscd returning.
 */
import type { OpenContext, PcscContextHandle, PcscReaderHandle } from './pcsc-lib';
import { openSharedContext as defaultOpenContext } from './shared-context';
import { PcscCardTransport, type PcscTransportOptions } from './card-transport';
import { cardRemoved } from '../apdu/errors';

export type ReaderEvent =
  | { readonly type: 'service'; readonly available: boolean }
  | { readonly type: 'reader-added'; readonly reader: string }
  | { readonly type: 'reader-removed'; readonly reader: string }
  | { readonly type: 'card-inserted'; readonly reader: string; readonly atr: Uint8Array }
  | { readonly type: 'card-removed'; readonly reader: string };

export interface ReaderState {
  readonly name: string;
  readonly atr: Uint8Array | null;
}

export interface MonitorOptions extends PcscTransportOptions {
  /** Only readers whose name contains this text (case-insensitive) are watched. */
  readonly nameFilter?: string | null;
  readonly openContext?: OpenContext;
  /** First retry delay and cap; the cap must stay under 3 s for the recovery promise. */
  readonly retryInitialMs?: number;
  readonly retryMaxMs?: number;
}

interface Watched {
  readonly handle: PcscReaderHandle;
  atr: Uint8Array | null;
  /** pcsc-lite's card event counter (upper 16 bits of the reader state). */
  insertions: number;
  transport: PcscCardTransport | null;
}

export class ReaderMonitor {
  private context: PcscContextHandle | null = null;
  private readonly readers = new Map<string, Watched>();
  private readonly listeners = new Set<(event: ReaderEvent) => void>();
  private available: boolean | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  private stopped = true;

  constructor(private readonly options: MonitorOptions = {}) {
    this.retryDelay = options.retryInitialMs ?? 200;
  }

  on(listener: (event: ReaderEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get serviceAvailable(): boolean {
    return this.available === true;
  }

  list(): ReaderState[] {
    return [...this.readers.entries()].map(([name, r]) => ({ name, atr: r.atr }));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.teardown();
  }

  /** The card now in `reader`, or a "carta rimossa" error when there is none. */
  card(reader: string): PcscCardTransport {
    const watched = this.readers.get(reader);
    if (!watched?.transport) throw cardRemoved();
    return watched.transport;
  }

  private emit(event: ReaderEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private setAvailable(available: boolean): void {
    if (this.available === available) return;
    this.available = available;
    this.emit({ type: 'service', available });
  }

  private open(): void {
    if (this.stopped) return;
    let context: PcscContextHandle;
    try {
      context = (this.options.openContext ?? defaultOpenContext)();
    } catch {
      this.setAvailable(false);
      this.scheduleRetry();
      return;
    }
    this.context = context;
    // Both listeners go on synchronously: the binding emits on the next tick.
    context.on('error', () => this.lost());
    context.on('reader', (handle) => this.addReader(handle));
    this.setAvailable(true);
    this.retryDelay = this.options.retryInitialMs ?? 200;
  }

  private lost(): void {
    if (this.stopped) return;
    this.teardown();
    this.setAvailable(false);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = this.retryDelay;
    this.retryDelay = Math.min(delay * 2, this.options.retryMaxMs ?? 2000);
    this.retryTimer = setTimeout(() => this.open(), delay);
    this.retryTimer.unref?.();
  }

  private teardown(): void {
    for (const name of [...this.readers.keys()]) this.dropReader(name);
    const context = this.context;
    this.context = null;
    if (context) {
      try {
        context.close();
      } catch {
        // Closing a context whose daemon is gone fails; there is nothing left to release.
      }
    }
  }

  private accepts(name: string): boolean {
    const filter = this.options.nameFilter?.trim().toLowerCase();
    return !filter || name.toLowerCase().includes(filter);
  }

  private addReader(handle: PcscReaderHandle): void {
    // An error listener is always attached: the binding emits "Command cancelled" on close.
    handle.on('error', () => undefined);
    if (!this.accepts(handle.name)) return;
    const watched: Watched = { handle, atr: null, insertions: -1, transport: null };
    this.readers.set(handle.name, watched);
    this.emit({ type: 'reader-added', reader: handle.name });
    handle.on('end', () => {
      if (this.readers.get(handle.name) === watched) this.dropReader(handle.name);
    });
    handle.on('status', (status) => this.onStatus(watched, status));
  }

  private onStatus(watched: Watched, status: { state: number; atr?: Buffer }): void {
    const { handle } = watched;
    const present = (status.state & handle.SCARD_STATE_PRESENT) !== 0 && (status.state & handle.SCARD_STATE_MUTE) === 0;
    const atr = present && status.atr && status.atr.length > 0 ? new Uint8Array(status.atr) : null;
    // A card swapped for one with the same ATR between two polls shows only as a new count.
    const insertions = status.state >>> 16;
    const sameCard =
      watched.atr !== null && atr !== null && insertions === watched.insertions && Buffer.compare(Buffer.from(watched.atr), Buffer.from(atr)) === 0;
    watched.insertions = insertions;
    if (sameCard) return;
    if (watched.atr !== null) this.cardOut(watched);
    if (atr !== null) {
      watched.atr = atr;
      watched.transport = new PcscCardTransport(handle, atr, this.options);
      this.emit({ type: 'card-inserted', reader: handle.name, atr });
    }
  }

  private cardOut(watched: Watched): void {
    watched.transport?.markRemoved();
    watched.transport = null;
    watched.atr = null;
    this.emit({ type: 'card-removed', reader: watched.handle.name });
  }

  private dropReader(name: string): void {
    const watched = this.readers.get(name);
    if (!watched) return;
    if (watched.atr !== null) this.cardOut(watched);
    this.readers.delete(name);
    watched.handle.removeAllListeners('status');
    try {
      watched.handle.close();
    } catch {
      // Already closed by the binding when the reader was unplugged.
    }
    this.emit({ type: 'reader-removed', reader: name });
  }
}
