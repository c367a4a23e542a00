/**
 * A card in a PC/SC reader, as a TransactionalTransport.
 *
 * The binding has no SCardBeginTransaction, so a transaction is an exclusive
 * connection held for the whole sequence and released with SCARD_LEAVE_CARD (the
 * card keeps its security state, e.g. a verified PIN, and OpenSC can use it in
 * between). Every exchange has a timeout; an empty response, a removal reported by
 * PC/SC or a removal event from the monitor ends the sequence with "carta rimossa".
 */
import { CardError, cardRemoved } from '../apdu/errors';
import type { CardTransport, TransactionalTransport } from '../apdu/transport';
import { toCardError } from './errors';
import type { PcscReaderHandle } from './pcsc-lib';

export interface PcscTransportOptions {
  /** Longest wait for one APDU (a 2048-bit signature on an old card takes ~1.5 s). */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 8000;
const SHARING_WAIT_MS = 2000;
/** Extended APDUs answer up to 64 KiB + SW. */
const MAX_RESPONSE = 65538;

function timeout(): CardError {
  return new CardError('lettore-timeout', 'Il lettore non risponde: reinserisci la carta e riprova.');
}

export class PcscCardTransport implements TransactionalTransport {
  private removed = false;
  private queue: Promise<unknown> = Promise.resolve();
  private protocol: number | undefined;
  private abortPending: ((error: CardError) => void) | undefined;
  private readonly timeoutMs: number;

  constructor(
    private readonly reader: PcscReaderHandle,
    readonly atr: Uint8Array,
    options: PcscTransportOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get readerName(): string {
    return this.reader.name;
  }

  /** Called by the monitor when the card leaves: whatever is running ends now. */
  markRemoved(): void {
    this.removed = true;
    this.abortPending?.(cardRemoved());
  }

  transmit(command: Uint8Array): Promise<Uint8Array> {
    return this.transaction((t) => t.transmit(command));
  }

  transaction<T>(work: (transport: CardTransport) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.removed) throw cardRemoved();
      await this.connect();
      const inner: CardTransport = { atr: this.atr, transmit: (command) => this.rawTransmit(command) };
      try {
        return await work(inner);
      } finally {
        await this.disconnect();
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private guarded<T>(start: (resolve: (value: T) => void, reject: (error: unknown) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.abortPending = undefined;
        action();
      };
      const timer = setTimeout(() => finish(() => reject(timeout())), this.timeoutMs);
      this.abortPending = (error) => finish(() => reject(error));
      try {
        start((value) => finish(() => resolve(value)), (error) => finish(() => reject(toCardError(error))));
      } catch (error) {
        finish(() => reject(toCardError(error)));
      }
    });
  }

  /**
   * Another application (OpenSC signing, a diagnostic tool) may hold the card for a
   * moment: wait for it briefly rather than fail the person's operation at once.
   */
  private async connect(): Promise<void> {
    const r = this.reader;
    const deadline = Date.now() + SHARING_WAIT_MS;
    for (;;) {
      try {
        this.protocol = await this.guarded<number>((resolve, reject) =>
          r.connect({ share_mode: r.SCARD_SHARE_EXCLUSIVE, protocol: r.SCARD_PROTOCOL_T0 | r.SCARD_PROTOCOL_T1 }, (error, protocol) =>
            error ? reject(error) : resolve(protocol),
          ),
        );
        return;
      } catch (error) {
        const busy = error instanceof CardError && error.code === 'carta-in-uso';
        if (!busy || this.removed || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private async disconnect(): Promise<void> {
    this.protocol = undefined;
    try {
      await this.guarded<void>((resolve, reject) => this.reader.disconnect(this.reader.SCARD_LEAVE_CARD, (error) => (error ? reject(error) : resolve())));
    } catch {
      // The card may already be gone; the next sequence reconnects from scratch.
    }
  }

  private async rawTransmit(command: Uint8Array): Promise<Uint8Array> {
    if (this.removed) throw cardRemoved();
    const protocol = this.protocol;
    if (protocol === undefined) throw cardRemoved();
    const response = await this.guarded<Buffer>((resolve, reject) =>
      // A view on the caller's bytes, not a copy: the caller zeroes them after the call (they may carry a PIN).
      this.reader.transmit(Buffer.from(command.buffer, command.byteOffset, command.byteLength), MAX_RESPONSE, protocol, (error, data) =>
        error ? reject(error) : resolve(data),
      ),
    );
    if (response.length < 2) {
      this.removed = true;
      throw cardRemoved();
    }
    return new Uint8Array(response);
  }
}
