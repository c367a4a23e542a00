/**
 * Sends one logical command over a transport and returns its parsed response.
 *
 * Handles what the link layer leaves to the application on real readers: 61xx
 * (GET RESPONSE for the rest), 6Cxx (repeat with the exact Le) and command chaining
 * when the data does not fit a short APDU and the card does not take extended ones.
 */
import { chainCommand, encodeCommand, needsExtended, type CommandApdu } from './command';
import { parseResponse, SW_OK, type ResponseApdu } from './response';
import type { CardTransport } from './transport';
import { CardError } from './errors';

/** GET RESPONSE loops are bounded: a card that keeps saying 61xx is broken. */
const MAX_GET_RESPONSE = 64;

export interface ExchangeOptions {
  /** Long data is sent as a chain of short APDUs instead of one extended APDU. */
  readonly chaining?: boolean;
}

export async function exchange(transport: CardTransport, command: CommandApdu, options: ExchangeOptions = {}): Promise<ResponseApdu> {
  if (options.chaining && needsExtended({ ...command, le: undefined })) {
    const parts = chainCommand(command);
    for (const part of parts.slice(0, -1)) {
      const reply = await single(transport, part);
      if (reply.sw !== SW_OK) return reply;
    }
    return single(transport, parts[parts.length - 1]!);
  }
  return single(transport, command);
}

/** One APDU on the wire; its bytes (which may carry a PIN) are zeroed once the card has answered. */
async function transmitOnce(transport: CardTransport, command: CommandApdu): Promise<ResponseApdu> {
  const apdu = encodeCommand(command);
  try {
    return parseResponse(await transport.transmit(apdu));
  } finally {
    apdu.fill(0);
  }
}

async function single(transport: CardTransport, command: CommandApdu): Promise<ResponseApdu> {
  let reply = await transmitOnce(transport, command);
  if ((reply.sw & 0xff00) === 0x6c00) {
    reply = await transmitOnce(transport, { ...command, le: reply.sw & 0xff || 256 });
  }
  if ((reply.sw & 0xff00) !== 0x6100) return reply;
  const chunks: Uint8Array[] = [reply.data];
  for (let i = 0; i < MAX_GET_RESPONSE && (reply.sw & 0xff00) === 0x6100; i++) {
    const le = reply.sw & 0xff || 256;
    reply = await transmitOnce(transport, { cla: command.cla & ~0x10 & 0xff, ins: 0xc0, p1: 0, p2: 0, le });
    chunks.push(reply.data);
  }
  if ((reply.sw & 0xff00) === 0x6100) throw new CardError('carta-risposta-non-valida', 'La carta ha risposto in modo non valido (risposta senza fine).');
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const data = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    data.set(c, offset);
    offset += c.length;
  }
  return { data, sw: reply.sw };
}
