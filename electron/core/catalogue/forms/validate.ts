/**
 * Validation of a submission against its (resolved, script-free) form with Form.io's own
 * engine, offline, in core. The same function checks each wizard step and, again, the
 * whole pratica before it is queued.
 */
import { processSync, ProcessTargets } from '@formio/core';
import type { FormComponent } from './form-json';
import { installNoScriptEvaluator } from './no-script';

export interface FieldError {
  /** Form.io data path, e.g. `applicant.data.fiscal_code.data.fiscal_code`. */
  path: string;
  rule: string;
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

type FormioError = { ruleName?: string; context?: { path?: string; label?: string } };

export function validateSubmission(components: FormComponent[], data: unknown): FieldError[] {
  installNoScriptEvaluator();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{ path: '', rule: 'type', message: 'I dati del modulo devono essere un insieme di campi.' }];
  }
  const scope: { errors?: FormioError[] } = {};
  processSync({
    components: structuredClone(components) as never,
    data: structuredClone(data) as never,
    processors: ProcessTargets.evaluator,
    scope: scope as never,
    config: { server: true },
  } as never);
  return (scope.errors ?? []).map((e) => {
    const rule = e.ruleName ?? 'invalid';
    return { path: e.context?.path ?? '', rule, message: MESSAGES[rule] ?? 'Valore non valido.' };
  });
}
