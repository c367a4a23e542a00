/**
 * The Richiedente block, in the demo catalogue's Anagrafica (resolved as the catalogue import does):
 * what the card knows always wins, in the field's own format; the profile's contacts fill only
 * what was left empty; what neither knows stays as entered; nothing the form does not declare is written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormDocument } from '../../../electron/core/catalogue/forms/form-json';
import { resolveForm } from '../../../electron/core/catalogue/forms/resolve';
import { applicantComponent, applicantDataOf } from '../../../electron/core/pratiche/applicant';
import { midnightIso } from '../../../electron/core/pratiche/prefill/zoned-midnight';
import type { ProfileRecord } from '../../../electron/core/store/cittadini-repo';

const FORMS = join(__dirname, '../../../electron/core/catalogue/demo/comune-di-prova/forms');
const byId = new Map(readdirSync(FORMS).map((f) => JSON.parse(readFileSync(join(FORMS, f), 'utf8')) as FormDocument).map((f) => [f._id, f]));
const root: FormDocument = { _id: 'prova', title: 'Prova', name: 'prova', display: 'form', components: [{ type: 'form', key: 'applicant', input: true, form: 'anagrafica' }] };
const applicant = applicantComponent(resolveForm(root, (id) => byId.get(id)).form.components)!;
const applicantData = applicantDataOf(applicant);

const profile: ProfileRecord = {
  card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', dataNascita: '1980-01-01' },
  email: 'mario@example.it',
  phone: null,
  address: null,
  updatedAt: 'now',
};

describe('applicantDataOf', () => {
  it('finds the applicant\'s nested form in a step', () => {
    expect(applicant).toMatchObject({ type: 'form', key: 'applicant', form: 'anagrafica' });
  });

  it('overrides what the renderer sends for card data, keeps fields the card does not know, drops keys the form lacks', () => {
    const entered = {
      data: {
        completename: { data: { name: 'Altro', surname: 'Nome' } },
        gender: 'maschio',
        Born: { data: { place_of_birth: 'Roma' } },
        cell_number: '+39 333 1234567',
        address: { data: { house_number: '12', postal_code: '00100' } },
        phone_number: 'non in questo modulo',
      },
    };
    expect(applicantData(profile, entered)).toEqual({
      data: {
        completename: { data: { name: 'Mario', surname: 'Rossi' } },
        fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } },
        gender: 'maschio',
        // The demo's Nascita has a `datetime` field: ISO 8601 with the kiosk's offset, as Form.io stores it.
        Born: { data: { natoAIl: midnightIso({ year: 1980, month: 1, day: 1 }, null), place_of_birth: 'Roma' } },
        email_address: 'mario@example.it',
        cell_number: '+39 333 1234567',
        address: { data: { house_number: '12', postal_code: '00100' } },
      },
    });
  });

  it('builds the block from card and profile alone when nothing was entered; the phone under the key this form has', () => {
    expect(applicantData(profile, 'non un oggetto')).toEqual({
      data: {
        completename: { data: { name: 'Mario', surname: 'Rossi' } },
        fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } },
        Born: { data: { natoAIl: midnightIso({ year: 1980, month: 1, day: 1 }, null) } },
        email_address: 'mario@example.it',
      },
    });
    expect(applicantData({ ...profile, phone: '333 1234567' }).data).toMatchObject({ cell_number: '333 1234567' });
  });

  it('keeps the street, email and phone the citizen typed in the form; the profile fills them only when empty', () => {
    const conContatti: ProfileRecord = { ...profile, phone: '333 1234567', address: 'Via del Profilo 1' };
    const entered = { data: { email_address: 'scritta@example.it', cell_number: '347 7654321', address: { data: { address: 'Via Garibaldi', house_number: '3' } } } };
    expect(applicantData(conContatti, entered).data).toMatchObject({
      email_address: 'scritta@example.it',
      cell_number: '347 7654321',
      address: { data: { address: 'Via Garibaldi', house_number: '3' } },
    });
    const vuoti = { data: { email_address: ' ', cell_number: '', address: { data: { house_number: '3' } } } };
    expect(applicantData(conContatti, vuoti).data).toMatchObject({
      email_address: 'mario@example.it',
      cell_number: '333 1234567',
      address: { data: { address: 'Via del Profilo 1', house_number: '3' } },
    });
  });
});
