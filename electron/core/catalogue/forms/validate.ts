/**
 * Validation of a submission against its resolved form with Form.io's own engine, offline,
 * in core, the form's own rules included (custom validation, conditions, calculations run in
 * the sandbox: form-logic.ts). The same function checks each wizard step and, again, the
 * whole pratica before it is queued.
 */
import { processSync, ProcessTargets } from '@formio/core';
import type { FormComponent } from './form-json';
import { requireFormLogic } from './form-logic';
import { withFormScopes } from './form-scope';

export interface FieldError {
  /** Form.io data path, e.g. `applicant.data.fiscal_code.data.fiscal_code`. */
  path: string;
  rule: string;
  /** The field's label as the form shows it ("Luogo di nascita"), when it has one. */
  label?: string;
  message: string;
}

const MESSAGES: Record<string, string> = {
  required: 'Campo obbligatorio.',
  email: 'Indirizzo email non valido.',
  url: 'Indirizzo web non valido.',
  number: 'Deve essere un numero.',
  min: 'Valore troppo basso.',
  max: 'Valore troppo alto.',
  minLength: 'Testo troppo corto.',
  maxLength: 'Testo troppo lungo.',
  minWords: 'Troppe poche parole.',
  maxWords: 'Troppe parole.',
  pattern: 'Formato non valido.',
  date: 'Data non valida.',
  day: 'Data non valida.',
  time: 'Ora non valida.',
  select: 'Scelta non valida.',
  selectboxes: 'Scelta non valida.',
  onlyAvailableItems: 'Scelta non tra quelle previste.',
  multiple: 'Tipo di valore non valido.',
  minSelectedCount: 'Seleziona più opzioni.',
  maxSelectedCount: 'Troppe opzioni selezionate.',
  mask: 'Formato non valido.',
  unique: 'Valore già usato.',
  minYear: 'Anno troppo lontano.',
  maxYear: 'Anno troppo avanti.',
};

type FormioError = {
  ruleName?: string;
  /** The form's own message (a `validate.custom` result, a `customMessage`) or Form.io's key for the rule. */
  errorKeyOrMessage?: string;
  context?: { path?: string; component?: { label?: unknown; validate?: { customMessage?: unknown } } };
};

/** The form's own words win: its custom validation's message, or the message it set for the field. */
function messageOf(e: FormioError, rule: string): string {
  const custom = e.context?.component?.validate?.customMessage;
  if (typeof custom === 'string' && custom.trim()) return custom.trim();
  if (rule === 'custom' && e.errorKeyOrMessage && e.errorKeyOrMessage !== 'custom') return e.errorKeyOrMessage;
  return MESSAGES[rule] ?? 'Valore non valido.';
}

function labelOf(e: FormioError): string | undefined {
  const label = e.context?.component?.label;
  // A label may be a template ("Nome {{ … }}"): shown without the markup rather than evaluated again.
  return typeof label === 'string' && label.trim() ? label.replace(/{{[\s\S]*?}}|{%[\s\S]*?%}/g, '').trim() || undefined : undefined;
}

export function validateSubmission(components: FormComponent[], data: unknown): FieldError[] {
  requireFormLogic();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{ path: '', rule: 'type', message: 'I dati del modulo devono essere un insieme di campi.' }];
  }
  const scope: { errors?: FormioError[] } = {};
  processSync({
    components: withFormScopes(structuredClone(components)) as never,
    data: structuredClone(data) as never,
    processors: ProcessTargets.evaluator,
    scope: scope as never,
    config: { server: true },
  } as never);
  return (scope.errors ?? []).map((e) => {
    const rule = e.ruleName ?? 'invalid';
    const label = labelOf(e);
    return { path: e.context?.path ?? '', rule, ...(label ? { label } : {}), message: messageOf(e, rule) };
  });
}
