/**
 * The card side of ISO 7816-4 APDUs: parses what a reader sends and builds what the
 * card answers. Kept apart from native/apdu on purpose: the emulator must check the
 * reading side, not mirror its encoder.
 */

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data: Uint8Array;
  /** Expected response length; undefined when the command carries no Le (case 1 and 3). */
  readonly le: number | undefined;
  readonly extended: boolean;
}

export type ParseResult = { ok: true; apdu: CommandApdu } | { ok: false; sw: number };

export const SW = {
  OK: 0x9000,
  END_OF_FILE: 0x6282,
  WRONG_LENGTH: 0x6700,
  LOGICAL_CHANNEL_NOT_SUPPORTED: 0x6881,
  LAST_COMMAND_OF_CHAIN_EXPECTED: 0x6883,
  SECURITY_STATUS_NOT_SATISFIED: 0x6982,
  AUTH_METHOD_BLOCKED: 0x6983,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  COMMAND_NOT_ALLOWED: 0x6986,
  WRONG_DATA: 0x6a80,
  FUNCTION_NOT_SUPPORTED: 0x6a81,
  FILE_NOT_FOUND: 0x6a82,
  INCORRECT_P1P2: 0x6a86,
  REFERENCE_NOT_FOUND: 0x6a88,
  WRONG_P1P2: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  NO_PRECISE_DIAGNOSIS: 0x6f00,
} as const;

/** Splits a command APDU into its fields (short and extended length, cases 1 to 4). */
export function parseCommand(bytes: Uint8Array): ParseResult {
  if (bytes.length < 4) return { ok: false, sw: SW.WRONG_LENGTH };
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const make = (data: Uint8Array, le: number | undefined, extended: boolean): ParseResult => ({
    ok: true,
    apdu: { cla, ins, p1, p2, data, le, extended },
  });
  const body = bytes.length - 4;
  if (body === 0) return make(new Uint8Array(0), undefined, false);
  const b4 = bytes[4]!;
  if (body === 1) return make(new Uint8Array(0), b4 === 0 ? 256 : b4, false);
  if (b4 !== 0) {
    const lc = b4;
    if (body === 1 + lc) return make(bytes.slice(5, 5 + lc), undefined, false);
    if (body === 2 + lc) {
      const le = bytes[5 + lc]!;
      return make(bytes.slice(5, 5 + lc), le === 0 ? 256 : le, false);
    }
    return { ok: false, sw: SW.WRONG_LENGTH };
  }
  // Extended length: a 00 byte, then two bytes of Lc (or of Le when no data follows).
  if (body < 3) return { ok: false, sw: SW.WRONG_LENGTH };
  const n = (bytes[5]! << 8) | bytes[6]!;
  if (body === 3) return make(new Uint8Array(0), n === 0 ? 65536 : n, true);
  if (n === 0) return { ok: false, sw: SW.WRONG_LENGTH };
  if (body === 3 + n) return make(bytes.slice(7, 7 + n), undefined, true);
  if (body === 5 + n) {
    const le = (bytes[7 + n]! << 8) | bytes[8 + n]!;
    return make(bytes.slice(7, 7 + n), le === 0 ? 65536 : le, true);
  }
  return { ok: false, sw: SW.WRONG_LENGTH };
}

/** Response APDU: data followed by SW1 SW2. */
export function response(sw: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data, 0);
  out[data.length] = (sw >> 8) & 0xff;
  out[data.length + 1] = sw & 0xff;
  return out;
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[\s:]/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw new Error(`not a hex string: ${text}`);
  return new Uint8Array(Buffer.from(clean, 'hex'));
}
