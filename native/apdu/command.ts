/**
 * Command APDU encoding (ISO 7816-4): short and extended length, and command
 * chaining for data longer than one short APDU carries (a 2048-bit PSO block).
 */

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array;
  /** Expected response length: 1..65536; 256 is short "00", 65536 extended "0000". Omitted = no Le. */
  readonly le?: number;
}

const SHORT_MAX_DATA = 255;
const SHORT_MAX_LE = 256;
const EXTENDED_MAX = 65535;
const EXTENDED_MAX_LE = 65536;
/** CLA bit telling the card "more of this command follows" (ISO 7816-4 5.1.1). */
export const CLA_CHAINING = 0x10;

function checkByte(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`${name} out of range: ${value}`);
}

/** True when the command needs the extended length form. */
export function needsExtended(command: CommandApdu): boolean {
  return (command.data?.length ?? 0) > SHORT_MAX_DATA || (command.le ?? 0) > SHORT_MAX_LE;
}

export function encodeCommand(command: CommandApdu): Uint8Array {
  checkByte('CLA', command.cla);
  checkByte('INS', command.ins);
  checkByte('P1', command.p1);
  checkByte('P2', command.p2);
  const data = command.data ?? new Uint8Array(0);
  const le = command.le;
  if (data.length > EXTENDED_MAX) throw new RangeError(`command data too long: ${data.length}`);
  if (le !== undefined && (!Number.isInteger(le) || le < 1 || le > EXTENDED_MAX_LE)) throw new RangeError(`Le out of range: ${le}`);
  // Written straight into one buffer (no intermediate array): the data may be a PIN, and
  // this buffer is the only copy the caller has to wipe (exchange does, after transmit).
  const extended = needsExtended(command);
  const lcBytes = data.length === 0 ? 0 : extended ? 3 : 1;
  const leBytes = le === undefined ? 0 : extended ? (data.length === 0 ? 3 : 2) : 1;
  const out = new Uint8Array(4 + lcBytes + data.length + leBytes);
  out.set([command.cla, command.ins, command.p1, command.p2]);
  let at = 4;
  if (data.length > 0) {
    if (extended) {
      out.set([0, data.length >> 8, data.length & 0xff], at);
      at += 3;
    } else {
      out[at++] = data.length;
    }
    out.set(data, at);
    at += data.length;
  }
  if (le !== undefined) {
    if (!extended) {
      out[at] = le === SHORT_MAX_LE ? 0 : le;
    } else {
      const encoded = le === EXTENDED_MAX_LE ? 0 : le;
      if (data.length === 0) out[at++] = 0;
      out.set([encoded >> 8, encoded & 0xff], at);
    }
  }
  return out;
}

/**
 * Splits a command whose data exceeds `chunk` bytes into a chain of short commands:
 * every part but the last has the chaining bit; only the last carries Le.
 */
export function chainCommand(command: CommandApdu, chunk = SHORT_MAX_DATA): CommandApdu[] {
  if (chunk < 1 || chunk > SHORT_MAX_DATA) throw new RangeError(`chunk out of range: ${chunk}`);
  const data = command.data ?? new Uint8Array(0);
  if (data.length <= chunk) return [command];
  const parts: CommandApdu[] = [];
  for (let offset = 0; offset < data.length; offset += chunk) {
    const last = offset + chunk >= data.length;
    const part = data.subarray(offset, Math.min(offset + chunk, data.length));
    parts.push({
      cla: last ? command.cla : command.cla | CLA_CHAINING,
      ins: command.ins,
      p1: command.p1,
      p2: command.p2,
      data: part,
      ...(last && command.le !== undefined ? { le: command.le } : {}),
    });
  }
  return parts;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new RangeError(`not hex: ${hex.slice(0, 40)}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}
