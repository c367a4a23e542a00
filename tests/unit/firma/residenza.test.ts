/** The residence on the module: what the citizen typed in the form, the card's only as a fallback, its comune named, never a code. */
import { describe, expect, it } from 'vitest';
import { nomeDelComune } from '../../../electron/core/anagrafe/comuni';
import { residenzaDigitata } from '../../../electron/core/firma/residenza';
import { richiedenteDi } from '../../../electron/core/firma/modulo-pratica';
import { dichiarazioneRichiedente } from '../../../electron/core/documents/modulo-pdf';
import type { CardIdentity } from '../../../electron/core/ports/card';
import type { ProfileRecord } from '../../../electron/core/store/cittadini-repo';

const profile: ProfileRecord = {
  card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', dataNascita: '1980-01-01' },
  email: null,
  phone: null,
  address: null,
  updatedAt: 'now',
};
/** A CNS: the comune of residence is its cadastral code. */
const card = { codiceFiscale: 'RSSMRA80A01H501U', nome: 'MARIO', cognome: 'ROSSI', dataNascita: '1980-01-01', sesso: 'M', comuneNascita: 'F205', comuneResidenza: 'H501', indirizzoResidenza: 'VIA ROMA 1' } as unknown as CardIdentity;

const digitato = { applicant: { data: { address: { data: { address: 'Via Garibaldi', house_number: '12', municipality: 'Prova', county: 'PR', postal_code: '00100' } } } } };

describe('the residence on the module', () => {
  it('is the address typed in the applicant block, over the card', () => {
    expect(residenzaDigitata(digitato)).toEqual({ indirizzo: 'Via Garibaldi 12', comune: 'Prova', cap: '00100', provincia: 'PR' });
    const testo = dichiarazioneRichiedente(richiedenteDi(profile, card, digitato));
    expect(testo).toContain('residente in Via Garibaldi 12, 00100 Prova (PR),');
    expect(testo).not.toContain('VIA ROMA');
  });

  it("falls back to the card without a typed street, its comune named from the cadastral code", () => {
    const vuoto = { applicant: { data: { address: { data: { address: '  ', municipality: 'Prova' } } } } };
    expect(residenzaDigitata(vuoto)).toBeNull();
    const testo = dichiarazioneRichiedente(richiedenteDi(profile, card, vuoto));
    expect(testo).toMatch(/, residente in VIA ROMA 1, Roma,$/);
    expect(testo).not.toMatch(/residente in [^,]*, H501/);
  });

  it('names the comune of birth the card codes', () => {
    const testo = dichiarazioneRichiedente(richiedenteDi(profile, card, digitato));
    expect(testo).toContain('nato a Milano il 1 gennaio 1980');
    expect(testo).not.toMatch(/nato a F205/);
  });

  it("names a comune from the portal's own table, keeps a name, drops a code nobody knows", () => {
    expect(nomeDelComune('h501')).toBe('Roma');
    expect(nomeDelComune('A001')).toBe('Abano Terme');
    expect(nomeDelComune('M376')).toBe('Abetone Cutigliano');
    expect(nomeDelComune(' PROVA ')).toBe('PROVA');
    expect(nomeDelComune('Z999')).toBeUndefined();
    expect(nomeDelComune(' ')).toBeUndefined();
  });

  it("uses the profile's address last, without a dangling comma", () => {
    const r = richiedenteDi({ ...profile, address: 'Via dei Tigli 3, Prova' }, null);
    expect(dichiarazioneRichiedente(r)).toBe('Il/La sottoscritto/a Mario Rossi, nato/a il 1 gennaio 1980, codice fiscale RSSMRA80A01H501U, residente in Via dei Tigli 3, Prova,');
  });
});
