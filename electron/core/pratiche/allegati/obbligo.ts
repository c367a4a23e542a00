/**
 * Whether a pratica needs an attachment now: THE rule, read by the wizard's Avanti, the
 * "Stato della compilazione", the signature and the submission (completeness.ts) and shown
 * on screen from the same answer (view.ts), so the step can never say "facoltativo" of a
 * document core then asks for, or let the pratica go on without one it needs.
 */
import { jsonLogic } from '@formio/core';
import type { AttachmentSpec } from '../../catalogue/format';

export interface Obbligo {
  /** The pratica cannot go on without a file in this slot. */
  obbligatorio: boolean;
  /** The case that makes it required, in the citizen's words; null when it is always or never required. */
  quando: string | null;
}

/** A slot's requirement for the data the citizen has given so far (the pratica's merged submission). */
export function obbligoDelloSlot(slot: AttachmentSpec, data: Record<string, unknown>): Obbligo {
  if (slot.required || !slot.requiredWhen) return { obbligatorio: slot.required, quando: null };
  return { obbligatorio: condizioneVera(slot.requiredWhen.when, data), quando: slot.requiredWhen.text };
}

function condizioneVera(when: Record<string, unknown>, data: Record<string, unknown>): boolean {
  try {
    // `{ data }`, as Form.io evaluates a `conditional.json`: the catalogue writes `data.figli`.
    return jsonLogic.truthy(jsonLogic.apply(when as never, { data: structuredClone(data) }));
  } catch {
    // A condition we cannot evaluate asks for the file: the comune wants it in some case, and a
    // pratica sent without it would come back from the office; attaching it is always possible.
    return true;
  }
}
