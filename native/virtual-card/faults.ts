/**
 * Faults a test can inject between the reader and the card, to check that the
 * reading side copes with what real readers and cards do: slow answers, a card
 * pulled out mid-command, a broken response, no response at all.
 */

export type Fault =
  /** Every answer (or only the Nth) comes after `ms` milliseconds. */
  | { readonly kind: 'delay'; readonly ms: number; readonly onApdu?: number }
  /** The connection drops while the Nth APDU (default: the next one) is being processed: the card is gone. */
  | { readonly kind: 'drop'; readonly onApdu?: number }
  /** The answer is a single byte: not even a status word. */
  | { readonly kind: 'garbage'; readonly onApdu?: number }
  /** The answer has no bytes at all. */
  | { readonly kind: 'empty'; readonly onApdu?: number };

export type FaultAction =
  | { readonly kind: 'answer'; readonly delayMs: number }
  | { readonly kind: 'drop' }
  | { readonly kind: 'replace'; readonly delayMs: number; readonly bytes: Uint8Array };

const GARBAGE_RESPONSE = new Uint8Array([0x42]);

/** Counts APDUs since the fault was set and decides what happens to each. */
export class FaultPlan {
  private fault: Fault | undefined;
  private seen = 0;

  set(fault: Fault | undefined): void {
    if (fault?.onApdu !== undefined && (!Number.isInteger(fault.onApdu) || fault.onApdu < 1)) {
      throw new Error(`onApdu must be a positive integer, got ${fault.onApdu}`);
    }
    if (fault?.kind === 'delay' && !(fault.ms >= 0)) throw new Error(`delay must be >= 0 ms, got ${fault.ms}`);
    this.fault = fault;
    this.seen = 0;
  }

  get current(): Fault | undefined {
    return this.fault;
  }

  /** Called once per command APDU, before the card answers it. */
  next(): FaultAction {
    const fault = this.fault;
    if (!fault) return { kind: 'answer', delayMs: 0 };
    this.seen += 1;
    const onApdu = fault.onApdu ?? (fault.kind === 'drop' ? 1 : undefined);
    const hit = onApdu === undefined || onApdu === this.seen;
    if (!hit) return { kind: 'answer', delayMs: 0 };
    switch (fault.kind) {
      case 'delay':
        return { kind: 'answer', delayMs: fault.ms };
      case 'drop':
        // A dropped card stays out until inserted again; the fault has fired.
        this.fault = undefined;
        return { kind: 'drop' };
      case 'garbage':
        return { kind: 'replace', delayMs: 0, bytes: GARBAGE_RESPONSE };
      case 'empty':
        return { kind: 'replace', delayMs: 0, bytes: new Uint8Array(0) };
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
