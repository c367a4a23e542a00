/**
 * Connects an emulated card to pcscd's vpcd driver, playing the card's side of
 * the vpcd protocol as a TCP client: connecting inserts the card in the reader,
 * closing removes it.
 *
 * A vpcd that goes away (pcscd restarted, port closed) never crashes the process:
 * the link reports the card as removed and, with `autoReconnect`, keeps trying to
 * put it back, which is what the CLI wants for long demo sessions.
 */
import { Socket, connect } from 'node:net';
import { answerSafely, type VirtualCard } from './card';
import { FaultPlan, sleep } from './faults';
import { FrameReassembler, VpcdControl, encodeFrame } from './vpcd-framing';

export interface VpcdLinkOptions {
  readonly port: number;
  readonly host?: string;
  /** Reconnect whenever vpcd drops the connection while the card should be inserted. */
  readonly autoReconnect?: boolean;
  /** How long insert() keeps retrying while nothing listens on the port. */
  readonly connectTimeoutMs?: number;
  readonly retryIntervalMs?: number;
  readonly faults?: FaultPlan;
  /**
   * insert() resolves only once pcscd has powered the card on and read its ATR,
   * i.e. once PC/SC applications can connect to it (pcscd polls every ~400 ms).
   */
  readonly waitUntilPowered?: boolean;
  /** Told about connections and losses (never about APDU contents: they carry PINs). */
  readonly onEvent?: (event: VpcdLinkEvent) => void;
}

export type VpcdLinkEvent =
  | { readonly kind: 'connected' }
  | { readonly kind: 'disconnected'; readonly reason: string }
  | { readonly kind: 'reconnecting' };

export class VpcdLink {
  private socket: Socket | undefined;
  private wanted = false;
  private queue: Promise<void> = Promise.resolve();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private powered = false;
  private poweredWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  readonly faults: FaultPlan;

  constructor(
    private readonly card: VirtualCard,
    private readonly options: VpcdLinkOptions,
  ) {
    this.faults = options.faults ?? new FaultPlan();
  }

  get inserted(): boolean {
    return this.socket !== undefined;
  }

  /** Puts the card in the reader; retries until vpcd listens or the timeout passes. */
  async insert(): Promise<void> {
    if (this.socket) return;
    this.wanted = true;
    const deadline = Date.now() + (this.options.connectTimeoutMs ?? 10_000);
    for (;;) {
      try {
        await this.connectOnce();
      } catch (error) {
        if (!this.wanted) throw new Error('card removed while inserting');
        if (Date.now() >= deadline) {
          this.wanted = false;
          throw new Error(
            `no vpcd listening on ${this.host}:${this.options.port} (${(error as Error).message}): is pcscd running with the vpcd reader?`,
          );
        }
        await sleep(this.options.retryIntervalMs ?? 100);
        continue;
      }
      if (this.options.waitUntilPowered) await this.poweredBy(deadline);
      return;
    }
  }

  private poweredBy(deadline: number): Promise<void> {
    if (this.powered) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.poweredWaiters = this.poweredWaiters.filter((w) => w !== waiter);
        reject(new Error(`pcscd did not power the card on (port ${this.options.port}): is the reader configured for this port?`));
      }, Math.max(0, deadline - Date.now()));
      this.poweredWaiters.push(waiter);
    });
  }

  /** Takes the card out of the reader; resolves once the connection is closed. */
  async remove(): Promise<void> {
    this.wanted = false;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const socket = this.socket;
    if (!socket) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
  }

  private get host(): string {
    return this.options.host ?? '127.0.0.1';
  }

  private connectOnce(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.options.port });
      socket.setNoDelay(true);
      const failEarly = (error: Error): void => {
        socket.destroy();
        reject(error);
      };
      socket.once('error', failEarly);
      socket.once('connect', () => {
        socket.off('error', failEarly);
        if (!this.wanted) {
          socket.destroy();
          reject(new Error('card removed while inserting'));
          return;
        }
        this.attach(socket);
        resolve();
      });
    });
  }

  private attach(socket: Socket): void {
    this.socket = socket;
    this.powered = false;
    this.queue = Promise.resolve();
    const frames = new FrameReassembler();
    socket.on('data', (chunk: Buffer) => {
      for (const frame of frames.push(chunk)) {
        this.queue = this.queue.then(() => this.handle(socket, frame));
      }
    });
    // Errors (ECONNRESET when pcscd dies) are followed by 'close': handled there.
    socket.on('error', () => {});
    socket.on('close', () => this.lost(socket));
    this.options.onEvent?.({ kind: 'connected' });
  }

  private lost(socket: Socket): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    // Leaving the reader cuts power: whatever the card held in RAM is gone.
    this.card.powerOff();
    for (const waiter of this.poweredWaiters.splice(0)) waiter.reject(new Error('card removed while inserting'));
    this.options.onEvent?.({ kind: 'disconnected', reason: this.wanted ? 'vpcd closed the connection' : 'removed' });
    if (this.wanted && this.options.autoReconnect) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.options.onEvent?.({ kind: 'reconnecting' });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.wanted || this.socket) return;
      this.connectOnce().catch(() => {
        if (this.wanted) this.scheduleReconnect();
      });
    }, this.options.retryIntervalMs ?? 500);
  }

  private async handle(socket: Socket, frame: Uint8Array): Promise<void> {
    if (this.socket !== socket) return;
    if (frame.length === 1) {
      this.control(socket, frame[0]!);
      return;
    }
    if (frame.length === 0) return;
    const action = this.faults.next();
    if (action.kind === 'drop') {
      // Pulled out, not lost: no automatic reconnection; insert() puts it back.
      this.wanted = false;
      socket.destroy();
      return;
    }
    await sleep(action.delayMs);
    if (this.socket !== socket) return;
    const answer = action.kind === 'replace' ? action.bytes : answerSafely(this.card, frame);
    socket.write(encodeFrame(answer));
  }

  private control(socket: Socket, code: number): void {
    switch (code) {
      case VpcdControl.POWER_OFF:
        this.card.powerOff();
        return;
      case VpcdControl.POWER_ON:
        this.card.powerOn();
        this.powered = true;
        return;
      case VpcdControl.RESET:
        this.card.reset();
        return;
      case VpcdControl.GET_ATR:
        socket.write(encodeFrame(this.card.atr));
        // pcscd reads the ATR right after powering on: from here on, applications see the card.
        if (this.powered) for (const waiter of this.poweredWaiters.splice(0)) waiter.resolve();
        return;
      default:
        // Unknown controls get no answer, as vpcd expects none for anything but GET_ATR.
        return;
    }
  }
}
