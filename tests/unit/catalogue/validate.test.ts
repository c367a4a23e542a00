import { describe, expect, it } from 'vitest';
import type { FormComponent } from '../../../electron/core/catalogue/forms/form-json';
import { validateSubmission } from '../../../electron/core/catalogue/forms/validate';

const components = [
  { type: 'form', key: 'applicant', input: true, form: 'anagrafica', components: [
    { type: 'textfield', key: 'name', input: true, validate: { required: true, maxLength: 5 } },
    { type: 'email', key: 'email', input: true },
  ] },
  { type: 'number', key: 'classe', input: true, validate: { min: 1, max: 5 } },
  { type: 'select', key: 'scuola', input: true, dataSrc: 'values', data: { values: [{ label: 'A', value: 'a' }] }, validate: { onlyAvailableItems: true } },
] as FormComponent[];

describe('submission validation with @formio/core', () => {
  it('accepts valid data', () => {
    expect(validateSubmission(components, { applicant: { data: { name: 'Anna', email: 'a@b.it' } }, classe: 3, scuola: 'a' })).toEqual([]);
  });

  it('reports errors by Form.io path with Italian messages', () => {
    const errors = validateSubmission(components, { applicant: { data: { name: '', email: 'non-email' } }, classe: 9 });
    expect(errors).toEqual([
      { path: 'applicant.data.name', rule: 'required', message: 'Campo obbligatorio.' },
      { path: 'applicant.data.email', rule: 'email', message: 'Indirizzo email non valido.' },
      { path: 'classe', rule: 'max', message: 'Valore troppo alto.' },
    ]);
  });

  it('reports values of the wrong type', () => {
    const errors = validateSubmission(components, { applicant: { data: { name: 'Troppo lungo' } }, classe: 'tre', scuola: 'zzz' });
    expect(errors.map((e) => `${e.path}:${e.rule}`)).toEqual(['applicant.data.name:maxLength', 'classe:number', 'scuola:onlyAvailableItems']);
    expect(validateSubmission(components, [1, 2])).toEqual([{ path: '', rule: 'type', message: 'I dati del modulo devono essere un insieme di campi.' }]);
    expect(validateSubmission(components, null)[0]!.rule).toBe('type');
  });

  it('does not modify the data it checks', () => {
    const data = { applicant: { data: { name: 'A' } } };
    validateSubmission(components, data);
    expect(data).toEqual({ applicant: { data: { name: 'A' } } });
  });
});
