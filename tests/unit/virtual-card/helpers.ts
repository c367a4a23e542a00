import { fromHex, hex } from '../../../native/virtual-card/apdu';
import type { VirtualCard } from '../../../native/virtual-card/card';

/** Sends a command written in hex and returns the answer as hex (data then SW). */
export function send(card: VirtualCard, command: string): string {
  return hex(card.process(fromHex(command)));
}

export function sw(answer: string): string {
  return answer.slice(-4);
}

export function data(answer: string): string {
  return answer.slice(0, -4);
}
