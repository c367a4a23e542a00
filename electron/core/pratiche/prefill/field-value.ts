/**
 * What the card or the profile knows, as the value a given field stores: dates in the field's
 * own date format, text in the shape its input mask accepts. Null when the field cannot hold it
 * in a form Form.io would accept (the field is then left as the citizen fills it).
 */
import type { FormComponent } from '../../catalogue/forms/form-json';
import { isRecord } from './data-path';
import { dateValueFor, parseIsoDate } from './date-value';
import { conformToMask, conformToMasks, type MaskChoice } from './input-mask';

export type Known = { kind: 'text'; text: string | null } | { kind: 'date'; iso: string | null };

function masksOf(c: FormComponent): MaskChoice[] {
  if (!Array.isArray(c.inputMasks)) return [];
  return c.inputMasks.flatMap((m: unknown) =>
    isRecord(m) && typeof m.label === 'string' && typeof m.mask === 'string' && m.mask ? [{ label: m.label, mask: m.mask }] : []);
}

function textValueFor(c: FormComponent, text: string): unknown {
  const masks = c.allowMultipleMasks === true ? masksOf(c) : [];
  if (masks.length > 0) return conformToMasks(text, masks);
  // What the mask does not take (a card's value is the truth) is written as it is: the form's own rule then says why.
  if (typeof c.inputMask === 'string' && c.inputMask) return conformToMask(text, c.inputMask) ?? text;
  return text;
}

export function fieldValue(c: FormComponent, known: Known): unknown {
  if (known.kind === 'text') return known.text ? textValueFor(c, known.text) : null;
  const date = known.iso ? parseIsoDate(known.iso) : null;
  return date ? dateValueFor(c, date) : null;
}
