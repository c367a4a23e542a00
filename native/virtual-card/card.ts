/**
 * A card as the reader sees it: an ATR, power and reset, and command APDUs
 * dispatched by INS to the profile's handlers. The dispatcher owns what every
 * ISO 7816-4 card does the same way: CLA checks, extended length, command chaining
 * (CLA bit 0x10, used by OpenSC for 256-byte PSO blocks) and the Le contract.
 */
import { SW, parseCommand, response, type CommandApdu } from './apdu';

/** What a link (vpcd or in-process) drives. */
export interface VirtualCard {
  readonly atr: Uint8Array;
  powerOn(): void;
  powerOff(): void;
  reset(): void;
  /** One command APDU in, exactly one response APDU (data + SW1 SW2) out. */
  process(command: Uint8Array): Uint8Array;
}

export type InsHandler = (apdu: CommandApdu) => Uint8Array;

export interface CardProfile {
  readonly atr: Uint8Array;
  readonly handlers: ReadonlyMap<number, InsHandler>;
  /** Power off and reset clear what a real card keeps in RAM (verified PINs, selected SE, current file). */
  clearVolatileState(): void;
}

const CHAIN_BIT = 0x10;
/** A chained command larger than this is refused, as a card's buffer would. */
const MAX_CHAINED_DATA = 4096;

interface PendingChain {
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly parts: Uint8Array[];
  size: number;
}

export class EmulatedCard implements VirtualCard {
  private chain: PendingChain | undefined;

  constructor(private readonly profile: CardProfile) {}

  get atr(): Uint8Array {
    return this.profile.atr;
  }

  powerOn(): void {
    this.clear();
  }

  powerOff(): void {
    this.clear();
  }

  reset(): void {
    this.clear();
  }

  process(command: Uint8Array): Uint8Array {
    const parsed = parseCommand(command);
    if (!parsed.ok) {
      this.chain = undefined;
      return response(parsed.sw);
    }
    const apdu = parsed.apdu;
    if ((apdu.cla & 0x80) !== 0 || (apdu.cla & 0x0c) !== 0) return response(SW.CLA_NOT_SUPPORTED);
    if ((apdu.cla & 0x03) !== 0) return response(SW.LOGICAL_CHANNEL_NOT_SUPPORTED);
    const whole = this.assemble(apdu);
    if (whole instanceof Uint8Array) return whole;
    const handler = this.profile.handlers.get(whole.ins);
    if (!handler) return response(SW.INS_NOT_SUPPORTED);
    return enforceLe(whole, handler(whole));
  }

  private clear(): void {
    this.chain = undefined;
    this.profile.clearVolatileState();
  }

  /** Gathers chained parts; returns the complete command, or the response to send now. */
  private assemble(apdu: CommandApdu): CommandApdu | Uint8Array {
    const chained = (apdu.cla & CHAIN_BIT) !== 0;
    const pending = this.chain;
    if (pending && (pending.ins !== apdu.ins || pending.p1 !== apdu.p1 || pending.p2 !== apdu.p2)) {
      this.chain = undefined;
      return response(SW.LAST_COMMAND_OF_CHAIN_EXPECTED);
    }
    if (!chained && !pending) return apdu;
    const chain = pending ?? { ins: apdu.ins, p1: apdu.p1, p2: apdu.p2, parts: [], size: 0 };
    chain.parts.push(apdu.data);
    chain.size += apdu.data.length;
    if (chain.size > MAX_CHAINED_DATA) {
      this.chain = undefined;
      return response(SW.WRONG_LENGTH);
    }
    if (chained) {
      this.chain = chain;
      return response(SW.OK);
    }
    this.chain = undefined;
    return { ...apdu, cla: apdu.cla & ~CHAIN_BIT, data: new Uint8Array(Buffer.concat(chain.parts)) };
  }
}

/**
 * A short APDU whose answer is longer than Le gets 6Cxx (the right Le), as T=0
 * cards do; readers are expected to resend. A command without Le still gets its
 * data, as T=1 cards in the field answer SELECT with P2=00 sent as case 3.
 */
function enforceLe(apdu: CommandApdu, answer: Uint8Array): Uint8Array {
  const dataLength = answer.length - 2;
  if (dataLength <= 0) return answer;
  if (apdu.le === undefined || dataLength <= apdu.le) return answer;
  if (!apdu.extended && dataLength <= 256) return response(0x6c00 | (dataLength & 0xff));
  return response(SW.WRONG_LENGTH);
}

/** A bug in a card profile must look like a card error to the reader, not kill the link. */
export function answerSafely(card: VirtualCard, command: Uint8Array): Uint8Array {
  try {
    return card.process(command);
  } catch {
    return response(SW.NO_PRECISE_DIAGNOSIS);
  }
}
