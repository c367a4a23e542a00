/**
 * One PC/SC context for the whole process, never closed while it works.
 *
 * The binding runs one thread per reader blocked in SCardGetStatusChange(INFINITE), and its
 * close() cancels that call and then joins the thread on the JS main thread. A cancel that
 * arrives while the thread is between two calls is lost (pcsc-lite cancels only a call in
 * progress; the binding retries for 50 ms), and the join then blocks the whole process until
 * that reader next changes state: seen under load as a frozen test run, stack
 * CardReader::Close -> uv_thread_join. So the app closes nothing: each monitor gets a view
 * of the one context, and stopping a monitor detaches its view. The native objects go only
 * when the service fails (pcscd stopped): their threads then end by themselves, and the
 * next view opens a new context.
 *
 * A view replays what the context already knows (its readers, each reader's last status)
 * to its own listeners, so a monitor started late sees the cards already inserted.
 */
import { EventEmitter } from 'node:events';
import { openContext as openNativeContext, type OpenContext, type PcscContextHandle, type PcscReaderHandle } from './pcsc-lib';

type Status = { state: number; atr?: Buffer };

interface Known {
  readonly handle: PcscReaderHandle;
  last: Status | null;
  readonly views: Set<ReaderView>;
}

class ReaderView extends EventEmitter {
  constructor(private readonly known: Known, private readonly detach: (view: ReaderView) => void) {
    super();
    // The binding's error events go to the shared handle's listener; a view without one must not throw.
    this.on('error', () => undefined);
  }
  get name(): string {
    return this.known.handle.name;
  }
  get SCARD_STATE_PRESENT(): number {
    return this.known.handle.SCARD_STATE_PRESENT;
  }
  get SCARD_STATE_MUTE(): number {
    return this.known.handle.SCARD_STATE_MUTE;
  }
  get SCARD_SHARE_EXCLUSIVE(): number {
    return this.known.handle.SCARD_SHARE_EXCLUSIVE;
  }
  get SCARD_SHARE_SHARED(): number {
    return this.known.handle.SCARD_SHARE_SHARED;
  }
  get SCARD_PROTOCOL_T0(): number {
    return this.known.handle.SCARD_PROTOCOL_T0;
  }
  get SCARD_PROTOCOL_T1(): number {
    return this.known.handle.SCARD_PROTOCOL_T1;
  }
  get SCARD_LEAVE_CARD(): number {
    return this.known.handle.SCARD_LEAVE_CARD;
  }
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    super.on(event, listener);
    // Whoever listens to status first hears the reader's current one (a card already in).
    if (event === 'status' && this.known.last) {
      const last = this.known.last;
      process.nextTick(() => this.emit('status', last));
    }
    return this;
  }
  connect(options: { share_mode: number; protocol?: number }, callback: (error: unknown, protocol: number) => void): void {
    this.known.handle.connect(options, callback);
  }
  disconnect(disposition: number, callback: (error: unknown) => void): void {
    this.known.handle.disconnect(disposition, callback);
  }
  transmit(data: Buffer, responseLength: number, protocol: number, callback: (error: unknown, response: Buffer) => void): void {
    this.known.handle.transmit(data, responseLength, protocol, callback);
  }
  /** Detaches this view; the native reader stays (see the file comment). */
  close(): void {
    this.removeAllListeners();
    this.detach(this);
  }
}

class ContextView extends EventEmitter {
  /** Readers already announced to this view (a reader found during the replay is announced once). */
  readonly announced = new Set<Known>();
  constructor(
    private readonly shared: SharedContext,
    readonly readers: Map<string, Known>,
  ) {
    super();
  }
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    super.on(event, listener);
    if (event === 'reader') {
      // Readers the context found before this view: announced as the binding announces new ones.
      const present = [...this.readers.values()];
      process.nextTick(() => present.forEach((known) => this.shared.announce(this, known)));
    }
    return this;
  }
  close(): void {
    this.removeAllListeners();
    this.shared.detach(this);
  }
}

class SharedContext {
  private readonly readers = new Map<string, Known>();
  private readonly views = new Set<ContextView>();
  private failed = false;

  constructor(private readonly native: PcscContextHandle) {
    native.on('error', (error) => {
      this.failed = true;
      for (const view of [...this.views]) view.emit('error', error);
    });
    native.on('reader', (handle) => this.found(handle));
  }

  get usable(): boolean {
    return !this.failed;
  }

  view(): PcscContextHandle {
    const view = new ContextView(this, this.readers);
    this.views.add(view);
    return view as unknown as PcscContextHandle;
  }

  detach(view: ContextView): void {
    this.views.delete(view);
  }

  announce(view: ContextView, known: Known): void {
    if (!this.views.has(view) || this.readers.get(known.handle.name) !== known || view.announced.has(known)) return;
    view.announced.add(known);
    const reader = new ReaderView(known, (r) => known.views.delete(r));
    known.views.add(reader);
    view.emit('reader', reader);
  }

  private found(handle: PcscReaderHandle): void {
    const known: Known = { handle, last: null, views: new Set() };
    this.readers.set(handle.name, known);
    handle.on('error', (error) => known.views.forEach((v) => v.emit('error', error)));
    handle.on('status', (status) => {
      known.last = status;
      known.views.forEach((v) => v.emit('status', status));
    });
    handle.on('end', () => {
      if (this.readers.get(handle.name) === known) this.readers.delete(handle.name);
      known.views.forEach((v) => v.emit('end'));
      known.views.clear();
    });
    for (const view of this.views) this.announce(view, known);
  }
}

/**
 * An OpenContext over one shared native context: the first call opens it (throwing, like the
 * binding, when no PC/SC service runs); after the service failed, the next call opens a new one.
 */
export function sharedContexts(open: OpenContext = openNativeContext): OpenContext {
  let shared: SharedContext | null = null;
  return () => {
    if (!shared || !shared.usable) shared = new SharedContext(open());
    return shared.view();
  };
}

/** The process's PC/SC context, shared by every monitor. */
export const openSharedContext: OpenContext = sharedContexts();
