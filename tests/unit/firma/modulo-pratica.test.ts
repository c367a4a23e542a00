/** The citizen on the module: the card first, the profile for contacts and what the card does not say. */
import { describe, expect, it } from 'vitest';
import { richiedenteDi } from '../../../electron/core/firma/modulo-pratica';
import type { CardIdentity } from '../../../electron/core/ports/card';
import type { ProfileRecord } from '../../../electron/core/store/cittadini-repo';

const profile: ProfileRecord = {
  card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', dataNascita: '1980-01-01' },
  email: 'mario@example.it',
  phone: null,
  address: 'Via Roma 1, Prova',
  updatedAt: 'now',
};

const card = {
  codiceFiscale: 'RSSMRA80A01H501U',
  nome: 'MARIO',
  cognome: 'ROSSI',
  dataNascita: '1980-01-01',
  sesso: 'M',
  comuneResidenza: 'PROVA',
  indirizzoResidenza: 'VIA DEI TIGLI 12',
} as unknown as CardIdentity;

describe('richiedenteDi', () => {
  it('takes name, sex and residence from the card, contacts from the profile', () => {
    expect(richiedenteDi(profile, card)).toEqual({
      nome: 'MARIO',
      cognome: 'ROSSI',
      codiceFiscale: 'RSSMRA80A01H501U',
      dataNascita: '1980-01-01',
      sesso: 'M',
      residenza: { indirizzo: 'VIA DEI TIGLI 12', comune: 'PROVA' },
      email: 'mario@example.it',
    });
  });

  it('falls back to the profile without a card, and leaves out a birth date that is not a date', () => {
    const r = richiedenteDi({ ...profile, card: { ...profile.card, dataNascita: 'sconosciuta' } }, null);
    expect(r).toMatchObject({ nome: 'Mario', cognome: 'Rossi', residenza: { indirizzo: 'Via Roma 1, Prova' } });
    expect(r).not.toHaveProperty('dataNascita');
    expect(r).not.toHaveProperty('sesso');
    expect(r).not.toHaveProperty('telefono');
  });
});
