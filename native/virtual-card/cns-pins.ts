/**
 * PIN and PUK of a CNS: ASCII digits padded with 0xFF to 8 bytes, 3 tries each,
 * blocking at zero. VERIFY without data reports the tries left without spending
 * one. Verified state lives in RAM: power off and reset clear it.
 */
import { SW, response, type CommandApdu } from './apdu';

const MAX_TRIES = 3;
const PIN_BLOCK = 8;

interface Secret {
  value: Uint8Array;
  triesLeft: number;
}

export interface PinState {
  readonly pinTriesLeft: number;
  readonly pukTriesLeft: number;
  readonly pinVerified: boolean;
}

/** '12345' -> 31 32 33 34 35 FF FF FF. */
export function padPin(digits: string): Uint8Array {
  if (!/^\d{4,8}$/.test(digits)) throw new Error('a PIN or PUK is 4 to 8 digits');
  const out = new Uint8Array(PIN_BLOCK).fill(0xff);
  out.set(Buffer.from(digits, 'ascii'));
  return out;
}

/** A new PIN must be 5 to 8 ASCII digits padded with FF, as the card's format demands. */
function wellFormedPin(block: Uint8Array): boolean {
  const text = Buffer.from(block).toString('latin1');
  return /^\d{5,8}\xff*$/.test(text);
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}

export class CnsPins {
  private readonly pin: Secret;
  private readonly puk: Secret;
  private verified = false;

  constructor(
    pin: string,
    puk: string,
    readonly pinReference = 0x10,
    readonly pukReference = 0x11,
  ) {
    this.pin = { value: padPin(pin), triesLeft: MAX_TRIES };
    this.puk = { value: padPin(puk), triesLeft: MAX_TRIES };
  }

  get state(): PinState {
    return { pinTriesLeft: this.pin.triesLeft, pukTriesLeft: this.puk.triesLeft, pinVerified: this.verified };
  }

  get pinVerified(): boolean {
    return this.verified;
  }

  clearVolatileState(): void {
    this.verified = false;
  }

  /** 00 20 00 ref [08 pin]. STIncard-style references (0x80 set: search parents) name the same secret. */
  verify(apdu: CommandApdu): Uint8Array {
    const secret = this.secretFor(apdu);
    if (!secret) return response(SW.REFERENCE_NOT_FOUND);
    if (apdu.data.length === 0) {
      if (secret.triesLeft === 0) return response(SW.AUTH_METHOD_BLOCKED);
      return response(secret === this.pin && this.verified ? SW.OK : 0x63c0 | secret.triesLeft);
    }
    if (apdu.data.length !== PIN_BLOCK) return response(SW.WRONG_LENGTH);
    const sw = this.check(secret, apdu.data);
    if (secret === this.pin) this.verified = sw === SW.OK;
    return response(sw);
  }

  /** 00 24 00 ref 10 <old><new>. */
  change(apdu: CommandApdu): Uint8Array {
    const secret = this.secretFor(apdu);
    if (!secret) return response(SW.REFERENCE_NOT_FOUND);
    if (apdu.p1 !== 0x00) return response(SW.INCORRECT_P1P2);
    if (apdu.data.length !== 2 * PIN_BLOCK) return response(SW.WRONG_LENGTH);
    const fresh = apdu.data.slice(PIN_BLOCK);
    if (!wellFormedPin(fresh)) return response(SW.WRONG_DATA);
    const sw = this.check(secret, apdu.data.subarray(0, PIN_BLOCK));
    if (sw !== SW.OK) {
      if (secret === this.pin) this.verified = false;
      return response(sw);
    }
    secret.value = fresh;
    if (secret === this.pin) this.verified = true;
    return response(SW.OK);
  }

  /** 00 2C 00 <PIN ref> 10 <PUK><new PIN> (P1=01: PUK only, PIN kept). */
  resetRetryCounter(apdu: CommandApdu): Uint8Array {
    if ((apdu.p2 & 0x7f) !== this.pinReference) return response(SW.REFERENCE_NOT_FOUND);
    const withNewPin = apdu.p1 === 0x00;
    if (!withNewPin && apdu.p1 !== 0x01) return response(SW.INCORRECT_P1P2);
    const expected = withNewPin ? 2 * PIN_BLOCK : PIN_BLOCK;
    if (apdu.data.length !== expected) return response(SW.WRONG_LENGTH);
    const fresh = withNewPin ? apdu.data.slice(PIN_BLOCK) : undefined;
    if (fresh && !wellFormedPin(fresh)) return response(SW.WRONG_DATA);
    const sw = this.check(this.puk, apdu.data.subarray(0, PIN_BLOCK));
    if (sw !== SW.OK) return response(sw);
    if (fresh) this.pin.value = fresh;
    this.pin.triesLeft = MAX_TRIES;
    this.verified = false;
    return response(SW.OK);
  }

  private secretFor(apdu: CommandApdu): Secret | undefined {
    if (apdu.p1 !== 0x00 && apdu.ins !== 0x2c) return undefined;
    const reference = apdu.p2 & 0x7f;
    if (reference === this.pinReference) return this.pin;
    if (reference === this.pukReference) return this.puk;
    return undefined;
  }

  private check(secret: Secret, candidate: Uint8Array): number {
    if (secret.triesLeft === 0) return SW.AUTH_METHOD_BLOCKED;
    if (same(secret.value, candidate)) {
      secret.triesLeft = MAX_TRIES;
      return SW.OK;
    }
    secret.triesLeft -= 1;
    return secret.triesLeft === 0 ? SW.AUTH_METHOD_BLOCKED : 0x63c0 | secret.triesLeft;
  }
}
