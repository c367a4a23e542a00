/**
 * The Richiedente block written into the real portal's Anagrafica forms (tests/fixtures/portal-forms,
 * unchanged): each service form is resolved as the catalogue import does (resolveForm, sub-forms
 * by `_id`), prefilled for a citizen born 1980-01-01 in Roma, and then checked with Form.io's
 * own validation in core, the forms' own rules (moment, masks) included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Utils } from '@formio/core';
import { describe, expect, it } from 'vitest';
import type { FormComponent, FormDocument } from '../../../../electron/core/catalogue/forms/form-json';
import { resolveForm } from '../../../../electron/core/catalogue/forms/resolve';
import { validateSubmission } from '../../../../electron/core/catalogue/forms/validate';
import { applicantComponent, applicantDataOf } from '../../../../electron/core/pratiche/applicant';
import type { ProfileRecord } from '../../../../electron/core/store/cittadini-repo';

const DIR = join(__dirname, '../../../fixtures/portal-forms');
const read = (name: string): FormDocument => JSON.parse(readFileSync(join(DIR, `subform-${name}.json`), 'utf8')) as FormDocument;
const SUBFORMS = ['full-name', 'gender', 'birth-info', 'fiscal-code', 'address', 'personal-data', 'personal-data-light', 'personal-data-minimal'].map(read);
const byId = new Map(SUBFORMS.map((f) => [f._id, f]));

const ANAGRAFICA = { full: read('personal-data')._id, lite: read('personal-data-light')._id, minimal: read('personal-data-minimal')._id };

/** A service's form as the portal builds them: the applicant is a nested `form` pointing at an Anagrafica. */
function serviceForm(anagraficaId: string): FormComponent[] {
  const root: FormDocument = {
    _id: 'servizio-di-prova', title: 'Servizio', name: 'servizio', display: 'form',
    components: [{ type: 'form', key: 'applicant', input: true, form: anagraficaId }, { type: 'textfield', key: 'motivo', input: true }],
  };
  return resolveForm(root, (id) => byId.get(id)).form.components;
}

const ROSSI: ProfileRecord = {
  card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', dataNascita: '1980-01-01' },
  email: 'mario.rossi@example.it',
  phone: '+39 333 1234567',
  address: 'Via Roma',
  updatedAt: 'now',
};

function prefill(components: FormComponent[], profile: ProfileRecord, entered?: unknown) {
  const applicant = applicantComponent(components);
  expect(applicant).toBeDefined();
  return applicantDataOf(applicant!)(profile, entered);
}

/** Data paths of every value in the data (leaves), e.g. `data.Born.data.natoAIl`. */
function writtenPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => writtenPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** The applicant's fields by Form.io's own walker (an oracle independent of the code under test). */
function declaredByFormio(components: FormComponent[]): string[] {
  const paths: string[] = [];
  Utils.eachComponent(structuredClone(components) as never, (c, _path, _list, _parent, p) => {
    const model = Utils.getModelType(c);
    if (p?.dataPath?.startsWith('applicant.') && !['dataObject', 'none', 'content'].includes(model)) paths.push(p.dataPath.slice('applicant.'.length));
  }, true);
  return paths.sort();
}

const sorted = (xs: string[]) => [...xs].sort();

/** The nested forms directly inside a resolved form component (through its layout), by their key. */
function nestedFormsOf(block: FormComponent): [string, FormComponent][] {
  const found: [string, FormComponent][] = [];
  Utils.eachComponent(block.components as never, (c) => {
    if (c.type !== 'form' || typeof c.key !== 'string') return false;
    found.push([c.key, c as FormComponent]);
    return true;
  }, true);
  return found;
}

describe('the applicant block in the real Anagrafica forms', () => {
  it('Anagrafica: the birth date in the field\'s own DD/MM/YYYY, and nothing the form does not have', () => {
    const components = serviceForm(ANAGRAFICA.full);
    const data = prefill(components, ROSSI);
    expect(data).toEqual({
      data: {
        completename: { data: { name: 'Mario', surname: 'Rossi' } },
        fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } },
        Born: { data: { natoAIl: '01/01/1980' } },
        email_address: 'mario.rossi@example.it',
        address: { data: { address: 'Via Roma' } },
      },
    });
    // Anagrafica has no phone field at all: the profile phone is not added under any key.
    const declared = declaredByFormio(components);
    expect(declared).toEqual(sorted([
      'data.completename.data.name', 'data.completename.data.surname', 'data.gender.data.gender', 'data.email_address',
      'data.Born.data.natoAIl', 'data.Born.data.place_of_birth', 'data.fiscal_code.data.fiscal_code',
      'data.address.data.address', 'data.address.data.house_number', 'data.address.data.municipality',
      'data.address.data.county', 'data.address.data.postal_code', 'data.address.data.country',
    ]));
    const unknownToCardAndProfile = ['data.Born.data.place_of_birth', 'data.gender.data.gender', 'data.address.data.house_number', 'data.address.data.municipality',
      'data.address.data.county', 'data.address.data.postal_code', 'data.address.data.country'];
    expect(sorted(writtenPaths(data))).toEqual(declared.filter((p) => !unknownToCardAndProfile.includes(p)));
  });

  it('Anagrafica lite: exactly its fields, no Born, the phone under phone_number', () => {
    const components = serviceForm(ANAGRAFICA.lite);
    const data = prefill(components, ROSSI);
    expect(sorted(writtenPaths(data))).toEqual(declaredByFormio(components));
    expect(sorted(writtenPaths(data))).toEqual(sorted(['data.completename.data.name', 'data.completename.data.surname',
      'data.fiscal_code.data.fiscal_code', 'data.email_address', 'data.phone_number']));
    expect(data.data).toMatchObject({ phone_number: '+39 333 1234567' });
    expect(data.data).not.toHaveProperty('cell_number');
    expect(data.data).not.toHaveProperty('Born');
  });

  it('Anagrafica minimale: name, surname and fiscal code only', () => {
    const components = serviceForm(ANAGRAFICA.minimal);
    const data = prefill(components, ROSSI);
    expect(sorted(writtenPaths(data))).toEqual(declaredByFormio(components));
    expect(sorted(writtenPaths(data))).toEqual(sorted(['data.completename.data.name', 'data.completename.data.surname', 'data.fiscal_code.data.fiscal_code']));
  });

  it('drops what a renderer sends under keys the form does not have, keeps what the citizen entered in its fields', () => {
    const components = serviceForm(ANAGRAFICA.lite);
    const entered = { data: { Born: { data: { natoAIl: '1980-01-01' } }, cell_number: '333', address: { data: {} }, completename: { data: { name: 'Altro', extra: 1 } } }, metadata: {} };
    const noContacts = { ...ROSSI, email: null, phone: null };
    expect(prefill(components, noContacts, entered)).toEqual({
      data: { completename: { data: { name: 'Mario', surname: 'Rossi' } }, fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } } },
    });
    const typed = { data: { phone_number: '06 1234567' } };
    expect(prefill(components, noContacts, typed).data).toMatchObject({ phone_number: '06 1234567' });
  });
});

describe('the prefilled block passes the forms\' own validation in core', () => {
  const errorsOf = (components: FormComponent[], data: unknown) => validateSubmission(components, data).map((e) => `${e.path}: ${e.message}`);
  const whatTheCitizenEnters = { data: { Born: { data: { place_of_birth: 'Roma' } }, gender: { data: { gender: 'maschio' } }, address: { data: { house_number: '1', municipality: 'Roma', county: 'RM', postal_code: '00100' } } } };

  it('Anagrafica lite and minimale, from card and profile alone (names, fiscal-code mask, email, phone pattern)', () => {
    for (const id of [ANAGRAFICA.lite, ANAGRAFICA.minimal]) {
      const components = serviceForm(id);
      expect(errorsOf(components, { applicant: prefill(components, ROSSI), motivo: 'prova' }), id).toEqual([]);
    }
  });

  it('the birth date, checked by the Nascita sub-form\'s own rule (moment, DD/MM/YYYY) on its own data as the renderer does', () => {
    const components = serviceForm(ANAGRAFICA.full);
    const born = (prefill(components, ROSSI, whatTheCitizenEnters) as { data: { Born: { data: Record<string, unknown> } } }).data.Born.data;
    const nascita = resolveForm(read('birth-info'), (id) => byId.get(id)).form.components;
    expect(errorsOf(nascita, born)).toEqual([]);
    // What the block used to carry is refused there (by the field's mask first): this check can fail.
    expect(errorsOf(nascita, { ...born, natoAIl: '1980-01-01' })).toEqual(['natoAIl: Formato non valido.', 'natoAIl: La data inserita non è valida']);
  });

  it('Anagrafica, once the citizen has entered what the card does not know: each sub-form on its own data, as the renderer runs it', () => {
    const components = serviceForm(ANAGRAFICA.full);
    const applicant = prefill(components, ROSSI, whatTheCitizenEnters) as { data: Record<string, { data: unknown }> };
    const subForms = nestedFormsOf(applicantComponent(components)!);
    expect(subForms.map(([key]) => key).sort()).toEqual(['Born', 'address', 'completename', 'fiscal_code', 'gender']);
    for (const [key, subForm] of subForms) expect(errorsOf(subForm.components as FormComponent[], applicant.data[key]!.data), key).toEqual([]);
  });

  it('Anagrafica as a whole in core: nested rules see their own form\'s data, as on screen, so a complete block passes', () => {
    // @formio/core alone would give the Nascita rule the top-level data, where `data.natoAIl` does not
    // exist; core's evaluator scopes it (electron/core/catalogue/forms/form-scope.ts).
    const components = serviceForm(ANAGRAFICA.full);
    expect(errorsOf(components, { applicant: prefill(components, ROSSI, whatTheCitizenEnters), motivo: 'prova' })).toEqual([]);
    const wrongDate = prefill(components, ROSSI, whatTheCitizenEnters) as { data: { Born: { data: { natoAIl: string } } } };
    wrongDate.data.Born.data.natoAIl = '31/02/1980';
    expect(errorsOf(components, { applicant: wrongDate, motivo: 'prova' })).toEqual(['applicant.data.Born.data.natoAIl: La data inserita non è valida']);
  });
});
