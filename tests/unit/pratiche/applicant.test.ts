/** The Richiedente block: what the card and profile know always wins; what they do not know stays as entered. */
import { describe, expect, it } from 'vitest';
import { applicantData } from '../../../electron/core/pratiche/applicant';
import type { ProfileRecord } from '../../../electron/core/store/cittadini-repo';

const profile: ProfileRecord = {
  card: { fiscalCode: 'RSSMRA80A01H501U', givenName: 'Mario', familyName: 'Rossi', birthDate: '1980-01-01', birthPlace: null },
  email: 'mario@example.it',
  phone: null,
  address: null,
  updatedAt: 'now',
};

describe('applicantData', () => {
  it('overrides what the renderer sends for card data, keeps fields the card does not know', () => {
    const entered = {
      data: {
        completename: { data: { name: 'Altro', surname: 'Nome' } },
        gender: 'maschio',
        Born: { data: { place_of_birth: 'Roma' } },
        cell_number: '+39 333 1234567',
        address: { data: { house_number: '12', postal_code: '00100' } },
      },
    };
    expect(applicantData(profile, entered)).toEqual({
      data: {
        completename: { data: { name: 'Mario', surname: 'Rossi' } },
        fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } },
        gender: 'maschio',
        Born: { data: { natoAIl: '1980-01-01', place_of_birth: 'Roma' } },
        email_address: 'mario@example.it',
        cell_number: '+39 333 1234567',
        address: { data: { address: '', house_number: '12', postal_code: '00100' } },
      },
    });
  });

  it('builds the block from card and profile alone when nothing was entered', () => {
    expect(applicantData(profile, 'non un oggetto')).toMatchObject({ data: { fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } }, cell_number: '' } });
  });
});
