import { describe, expect, it } from 'vitest';
import { citizenFromCard } from '../../../electron/core/pratiche/citizen';

const identity = { codiceFiscale: 'RSSNNA80A41H501X', nome: 'ANNA', cognome: 'ROSSI', dataNascita: '1980-01-01' };

describe('citizen of the card session', () => {
  it('exists only once the PIN is verified', () => {
    expect(citizenFromCard(null)).toBeNull();
    expect(citizenFromCard({ identity, authenticated: false })).toBeNull();
    expect(citizenFromCard({ identity, authenticated: true })).toEqual({
      card: { codiceFiscale: 'RSSNNA80A41H501X', nome: 'ANNA', cognome: 'ROSSI', dataNascita: '1980-01-01' },
      operator: null,
    });
  });
});
