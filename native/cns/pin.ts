/**
 * PIN and PUK operations on a CNS.
 *
 * Each operation sends the secret in exactly one APDU and never again by itself:
 * a wrong PIN costs one try and the person decides whether to try again. The
 * format is checked before anything reaches the card, so a typo of the wrong
 * length never spends a try. Buffers holding a secret are zeroed after use.
 */
import { CardError } from '../apdu/errors';
import { exchange } from '../apdu/exchange';
import { SW_AUTH_METHOD_BLOCKED, SW_OK, triesLeftOf, swHex, describeStatus } from '../apdu/response';
import type { CardTransport } from '../apdu/transport';

export type SecretKind = 'pin' | 'puk';

export interface PinStatus {
  /** Tries left; null when the card does not say (already verified, or no such query). */
  readonly triesLeft: number | null;
  readonly blocked: boolean;
  /** The card says the reference is already verified in this card session. */
  readonly verified: boolean;
}

export interface PinReferences {
  readonly pin: number;
  readonly puk: number;
}

const PIN_LENGTH = { min: 5, max: 8 };
const PUK_LENGTH = { min: 8, max: 8 };
const BLOCK = 8;

const LABEL: Record<SecretKind, string> = { pin: 'PIN', puk: 'PUK' };

export function checkFormat(kind: SecretKind, value: string): void {
  const { min, max } = kind === 'pin' ? PIN_LENGTH : PUK_LENGTH;
  if (!/^\d+$/.test(value) || value.length < min || value.length > max) {
    const length = min === max ? `${min} cifre` : `da ${min} a ${max} cifre`;
    throw new CardError(kind === 'pin' ? 'pin-formato' : 'puk-formato', `Il ${LABEL[kind]} deve avere ${length}.`);
  }
}

/** ASCII digits padded with 0xFF to 8 bytes, written in place so no other copy exists. */
function writePadded(target: Uint8Array, offset: number, value: string): void {
  target.fill(0xff, offset, offset + BLOCK);
  for (let i = 0; i < value.length; i++) target[offset + i] = value.charCodeAt(i);
}

export function blockedError(kind: SecretKind): CardError {
  return kind === 'pin'
    ? new CardError('pin-bloccato', 'PIN bloccato: usa il PUK', 0)
    : new CardError('puk-bloccato', 'PUK bloccato: rivolgiti allo sportello', 0);
}

export function wrongSecretError(kind: SecretKind, tries: number): CardError {
  if (tries === 0) return blockedError(kind);
  const text = tries === 1 ? '1 tentativo rimasto' : `${tries} tentativi rimasti`;
  return new CardError(kind === 'pin' ? 'pin-errato' : 'puk-errato', `${LABEL[kind]} errato: ${text}`, tries);
}

/** Turns the SW of an operation carrying `kind` into success or the right refusal. */
function checkSecretStatus(kind: SecretKind, sw: number): void {
  if (sw === SW_OK) return;
  const tries = triesLeftOf(sw);
  if (tries !== undefined) throw wrongSecretError(kind, tries);
  if (sw === SW_AUTH_METHOD_BLOCKED || sw === 0x6984) throw blockedError(kind);
  throw new CardError('carta-errore', `La carta ha rifiutato l'operazione sul ${LABEL[kind]} (${swHex(sw)}: ${describeStatus(sw)}).`);
}

export class CnsPin {
  constructor(
    private readonly transport: CardTransport,
    private readonly references: PinReferences,
  ) {}

  /** VERIFY with no data: the card reports tries left without spending one. */
  async status(kind: SecretKind = 'pin'): Promise<PinStatus> {
    const reference = this.references[kind];
    const reply = await exchange(this.transport, { cla: 0, ins: 0x20, p1: 0, p2: reference });
    if (reply.sw === SW_OK) return { triesLeft: null, blocked: false, verified: true };
    const tries = triesLeftOf(reply.sw);
    if (tries !== undefined) return { triesLeft: tries, blocked: tries === 0, verified: false };
    if (reply.sw === SW_AUTH_METHOD_BLOCKED) return { triesLeft: 0, blocked: true, verified: false };
    return { triesLeft: null, blocked: false, verified: false };
  }

  async verify(pin: string): Promise<void> {
    checkFormat('pin', pin);
    await this.send('pin', 0x20, this.references.pin, [pin]);
  }

  async change(oldPin: string, newPin: string): Promise<void> {
    checkFormat('pin', oldPin);
    checkFormat('pin', newPin);
    await this.send('pin', 0x24, this.references.pin, [oldPin, newPin]);
  }

  /** RESET RETRY COUNTER: P2 is the PIN's reference, the data PUK then new PIN. */
  async unblock(puk: string, newPin: string): Promise<void> {
    checkFormat('puk', puk);
    checkFormat('pin', newPin);
    await this.send('puk', 0x2c, this.references.pin, [puk, newPin]);
  }

  private async send(kind: SecretKind, ins: number, reference: number, secrets: string[]): Promise<void> {
    const data = new Uint8Array(BLOCK * secrets.length);
    secrets.forEach((s, i) => writePadded(data, i * BLOCK, s));
    try {
      const reply = await exchange(this.transport, { cla: 0, ins, p1: 0, p2: reference, data });
      checkSecretStatus(kind, reply.sw);
    } finally {
      data.fill(0);
    }
  }
}
