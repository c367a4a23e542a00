/**
 * The value of one block of a form (a nested form such as the applicant's) rebuilt from what is
 * known: only the fields the form declares are kept, what the citizen entered in them stays,
 * and each known value is written, in the field's own format, at the first of its candidate
 * paths the form has (`phone_number` or `cell_number`). A known empty value writes nothing, so
 * it does not erase what the citizen entered. What the card says replaces what was entered (it
 * is the registry's word); a suggestion (the profile's contacts) only fills a field left empty,
 * because what the citizen typed in the form is what they review and sign.
 */
import type { FormComponent } from '../../catalogue/forms/form-json';
import { declaredFields } from './data-fields';
import { isRecord, setValueAt, valueAt } from './data-path';
import { fieldValue, type Known } from './field-value';

export interface Prefill {
  /** Form.io data paths from the top of the form's data (`applicant.data.Born.data.natoAIl`), the preferred first. */
  at: readonly string[];
  known: Known;
  /** A suggestion fills the field only when the citizen left it empty; otherwise the known value wins. */
  suggestion?: true;
}

export type Prefiller = (entered: unknown, prefills: readonly Prefill[]) => Record<string, unknown>;

/** The prefill of `block`, whose fields are walked once here: a service's wizard keeps it for every save. */
export function prefillerOf(block: FormComponent): Prefiller {
  const key = block.key ?? '';
  const fields = declaredFields([block]);
  return (entered, prefills) => {
    const before = { [key]: entered };
    const after: Record<string, unknown> = {};
    for (const path of fields.keys()) {
      const value = valueAt(before, path);
      if (value !== undefined) setValueAt(after, path, value);
    }
    for (const { at, known, suggestion } of prefills) {
      const path = at.find((p) => fields.has(p));
      if (path === undefined) continue;
      if (suggestion && !isEmpty(valueAt(after, path))) continue;
      const value = fieldValue(fields.get(path)!, known);
      if (value !== null && value !== undefined) setValueAt(after, path, value);
    }
    const value = after[key];
    if (isRecord(value)) return value;
    return block.type === 'form' ? { data: {} } : {};
  };
}

const isEmpty = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
