/**
 * The real portal's own sub-forms (tests/fixtures/portal-forms), validated in core with their
 * own rules: what the portal refuses is refused offline too, with the form's own message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormDocument } from '../../../electron/core/catalogue/forms/form-json';
import { resolveForm } from '../../../electron/core/catalogue/forms/resolve';
import { validateSubmission, type FieldError } from '../../../electron/core/catalogue/forms/validate';

const DIR = join(__dirname, '../../fixtures/portal-forms');
const form = (name: string): FormDocument => JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as FormDocument;
const SUBFORMS = ['full-name', 'gender', 'birth-info', 'fiscal-code', 'address', 'personal-data', 'personal-data-light', 'personal-data-minimal'].map((n) => form(`subform-${n}`));
const byId = new Map(SUBFORMS.map((f) => [f._id, f]));
const components = (name: string) => resolveForm(form(`subform-${name}`), (id) => byId.get(id)).form.components;

const errorsOf = (name: string, data: Record<string, unknown>, key: string): FieldError[] =>
  validateSubmission(components(name), data).filter((e) => e.path.split('.').pop() === key);

describe('the portal\'s own validation rules, in core', () => {
  it('names: letters only, with the form\'s own message and the field\'s label', () => {
    expect(errorsOf('full-name', { name: 'Mario', surname: 'Rossi' }, 'name')).toEqual([]);
    expect(errorsOf('full-name', { name: 'Mari0', surname: 'Rossi' }, 'name')).toEqual([
      expect.objectContaining({ rule: 'custom', label: 'Nome', message: 'Il nome può contenere solo caratteri alfabetici' }),
    ]);
  });

  it('birth date: an existing DD/MM/YYYY date after 1900, checked with moment inside the sandbox', () => {
    const born = (natoAIl: string) => errorsOf('birth-info', { natoAIl, place_of_birth: 'Roma' }, 'natoAIl');
    expect(born('01/01/1980')).toEqual([]);
    expect(born('31/02/1990')).toEqual([expect.objectContaining({ rule: 'custom', message: 'La data inserita non è valida' })]);
    expect(born('01/01/1850')).toEqual([expect.objectContaining({ message: 'La data inserita non è valida' })]);
  });

  it('address: a CAP of five digits and an Italian province code', () => {
    const address = { address: 'Via Roma', house_number: '1', municipality: 'Roma', county: 'RM', postal_code: '00100' };
    expect(validateSubmission(components('address'), address)).toEqual([]);
    expect(errorsOf('address', { ...address, postal_code: '0010' }, 'postal_code')).toEqual([
      expect.objectContaining({ message: 'Non hai inserito un CAP valido' }),
    ]);
    expect(errorsOf('address', { ...address, county: 'XX' }, 'county')).toHaveLength(1);
  });

  it('address abroad: "country" becomes required when the province is EE (a when/eq condition)', () => {
    const abroad = { address: 'Rue de Rivoli', house_number: '1', municipality: 'Parigi', county: 'EE', postal_code: '75001' };
    expect(errorsOf('address', abroad, 'country')).toEqual([expect.objectContaining({ rule: 'required' })]);
    expect(errorsOf('address', { ...abroad, country: 'Francia' }, 'country')).toEqual([]);
    expect(errorsOf('address', { ...abroad, county: 'RM', postal_code: '00100' }, 'country')).toEqual([]);
  });

  it('Anagrafica lite: phone or email, at least one (two rules that read each other\'s field)', () => {
    const errors = validateSubmission(components('personal-data-light'), { completename: { data: { name: 'Mario', surname: 'Rossi' } }, fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } } });
    expect(errors.map((e) => e.message)).toContain('Inserire almeno il numero di telefono o l’ indirizzo email');
  });

  it('Anagrafica lite: its phone rule (which looks the field up in the document) runs, and the phone is refused as on the portal', () => {
    const lite = { completename: { data: { name: 'Mario', surname: 'Rossi' } }, fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } } };
    const phone = (data: Record<string, unknown>) => validateSubmission(components('personal-data-light'), { ...lite, ...data }).filter((e) => e.path.endsWith('phone_number'));
    expect(phone({ phone_number: '+39 333 1234567' })).toEqual([]);
    expect(phone({ phone_number: 'tre tre tre' })).toEqual([expect.objectContaining({ label: 'Recapito telefonico', message: 'Recapito telefonico non valido' })]);
    // The rule copies a cell number into the field on screen only: the phone is still missing, as the portal finds it.
    expect(phone({ cell_number: '+39 333 1234567' })).not.toEqual([]);
  });
});

describe('rules inside nested forms, in core as on screen', () => {
  const anagrafica = components('personal-data');
  const block = (county: string, country?: string) => ({
    completename: { data: { name: 'Mario', surname: 'Rossi' } },
    gender: { data: { gender: 'maschio' } },
    email_address: 'mario@example.org',
    Born: { data: { natoAIl: '01/01/1980', place_of_birth: 'Roma' } },
    fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } },
    address: { data: { address: 'Rue de Rivoli', house_number: '1', municipality: 'Parigi', county, postal_code: '75001', ...(country ? { country } : {}) } },
  });
  const at = (data: Record<string, unknown>, key: string) => validateSubmission(anagrafica, data).filter((e) => e.path.endsWith(`.${key}`));

  it('a script in the Nascita sub-form reads the sub-form\'s own data', () => {
    expect(at(block('RM'), 'natoAIl')).toEqual([]);
    const wrong = block('RM');
    wrong.Born.data.natoAIl = '31/02/1980';
    expect(at(wrong, 'natoAIl')).toEqual([expect.objectContaining({ message: 'La data inserita non è valida' })]);
  });

  it('a when/eq condition in the Indirizzo sub-form makes "country" required for a resident abroad', () => {
    expect(at(block('EE'), 'country')).toEqual([expect.objectContaining({ rule: 'required' })]);
    expect(at(block('EE', 'Francia'), 'country')).toEqual([]);
  });
});
