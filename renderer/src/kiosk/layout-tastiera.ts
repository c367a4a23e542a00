/**
 * What the kiosk's keyboard shows for a field: letters, or the digits alone for a field that
 * takes numbers (a CAP, a phone number, a code), where twelve large keys are quicker to hit
 * than forty small ones.
 */
import type { TextField } from './type-into';

export type Layout = 'lettere' | 'numeri';

/** Letters and the characters Italian names, addresses and emails need; '+' for +39. */
export const LETTERE = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', 'è', 'é'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'ò', 'à', 'ù'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm', 'ì', "'", ',', '.', '-'],
];
export const LETTERE_EXTRA = ['@', '+', '/'];

/** A phone pad's order; '+' for an international prefix. */
export const NUMERI = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
  ['+', '0'],
];

const NUMERIC_MODES = new Set(['numeric', 'decimal', 'tel']);
const NUMERIC_TYPES = new Set(['number', 'tel']);
/**
 * The portal's address subform declares its CAP as a plain text field (key `postal_code`,
 * digits checked by a custom rule): Form.io names its input after the key.
 */
const NUMERIC_FORMIO_KEYS = /\[(postal_code|cap)\]$/;

export function layoutFor(field: TextField): Layout {
  if (NUMERIC_MODES.has(field.inputMode)) return 'numeri';
  if (field instanceof HTMLInputElement && NUMERIC_TYPES.has(field.type)) return 'numeri';
  return NUMERIC_FORMIO_KEYS.test(field.name) ? 'numeri' : 'lettere';
}
