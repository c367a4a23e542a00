/**
 * A CardTransport straight to an emulated card, with no daemon in between: for
 * pure unit tests of the reading side and for demos without pcscd. It keeps the
 * semantics a PC/SC reader shows: a removed card answers every command with an
 * empty response (what pcsc-lite hands over when the card left mid-command).
 */
import type { CardTransport } from '../apdu/transport';
import { answerSafely, type VirtualCard } from './card';
import { FaultPlan, sleep } from './faults';

export class InProcessTransport implements CardTransport {
  private present = false;
  private queue: Promise<unknown> = Promise.resolve();
  readonly faults: FaultPlan;

  constructor(
    private readonly card: VirtualCard,
    faults?: FaultPlan,
  ) {
    this.faults = faults ?? new FaultPlan();
  }

  get atr(): Uint8Array {
    return this.card.atr;
  }

  get inserted(): boolean {
    return this.present;
  }

  insert(): void {
    if (this.present) return;
    this.present = true;
    this.card.powerOn();
  }

  remove(): void {
    if (!this.present) return;
    this.present = false;
    this.card.powerOff();
  }

  /** Commands are answered one at a time, in order, as on a real reader. */
  transmit(command: Uint8Array): Promise<Uint8Array> {
    const next = this.queue.then(() => this.exchange(command));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async exchange(command: Uint8Array): Promise<Uint8Array> {
    if (!this.present) return new Uint8Array(0);
    const action = this.faults.next();
    if (action.kind === 'drop') {
      this.remove();
      return new Uint8Array(0);
    }
    await sleep(action.delayMs);
    if (!this.present) return new Uint8Array(0);
    return action.kind === 'replace' ? action.bytes.slice() : answerSafely(this.card, command);
  }
}
