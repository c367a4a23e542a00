/**
 * A known value in the shape a Form.io input mask accepts (`AAAAAA99A99A***A`, `(999) 999-9999`),
 * with the mask's own literals: what the renderer's mask would show, and what core's mask
 * rule checks. The mask characters are Form.io's: 9 a digit, A a letter, a a lower-case
 * letter, * a letter or digit; anything else is a literal.
 */

const SLOTS: Record<string, RegExp> = { '9': /\d/, A: /[A-Za-z]/, a: /[a-z]/, '*': /[A-Za-z0-9]/ };
/** Spacing and punctuation the citizen or the card may have put between the characters that count. */
const SKIPPABLE = /[\s\-./()+]/;

/** The value conformed to the mask, or null when its letters and digits do not fit it. */
export function conformToMask(value: string, mask: string): string | null {
  let out = '';
  let i = 0;
  for (const m of mask) {
    const slot = SLOTS[m];
    if (!slot) {
      out += m;
      if (value[i] === m) i++;
      continue;
    }
    while (i < value.length && !slot.test(value[i]!) && SKIPPABLE.test(value[i]!)) i++;
    if (i >= value.length || !slot.test(value[i]!)) return null;
    out += value[i++];
  }
  return [...value.slice(i)].every((ch) => SKIPPABLE.test(ch)) ? out : null;
}

export interface MaskChoice {
  label: string;
  mask: string;
}

/** For a field with several masks (`allowMultipleMasks`): the first that takes the value, as Form.io stores it. */
export function conformToMasks(value: string, masks: readonly MaskChoice[]): { value: string; maskName: string } | null {
  for (const { label, mask } of masks) {
    const conformed = conformToMask(value, mask);
    if (conformed !== null) return { value: conformed, maskName: label };
  }
  return null;
}
