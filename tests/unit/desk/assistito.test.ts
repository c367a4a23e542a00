import { describe, expect, it } from 'vitest';
import { createAssistiti } from '../../../electron/core/desk/assistito';
import type { CartaAlBanco } from '../../../electron/core/desk/rilascio';
import { createSessioni } from '../../../electron/core/desk/sessioni';
import type { CardIdentity } from '../../../electron/core/ports/card';
import { manualClock } from './clock';

// The card session is an in-memory stand-in: this tests who the assisted citizen is, not card reading.
function cardHolder(identity: Partial<CardIdentity> | null): CartaAlBanco {
  return {
    current: () => (identity ? { identity: identity as CardIdentity, reader: 'lettore' } : null),
    pinStatus: async () => ({ triesLeft: 3, blocked: false, pukTriesLeft: 3, pukBlocked: false }),
  };
}

const ctx = { transport: 'test' as const, clientId: 'sportello-1' };
const operatore = { username: 'mario.bianchi', nome: 'Mario Bianchi', ruolo: 'operatore' as const };

describe('the citizen assisted at the desk', () => {
  it('is nobody without a logged-in operator', () => {
    const assistiti = createAssistiti(createSessioni(manualClock()), cardHolder({ codiceFiscale: 'RSSMRA80A01H501U', nome: 'MARIO', cognome: 'ROSSI' }));
    expect(assistiti.cittadino(ctx)).toBeNull();
    expect(() => assistiti.set(ctx, { codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', documento: { tipo: 'carta-identita', numero: 'CA1234567' } })).toThrow(/Sessione/);
  });

  it('is a typed codice fiscale only when its check character is right, with the operator acting for them', () => {
    const sessioni = createSessioni(manualClock());
    sessioni.open(ctx, operatore);
    const assistiti = createAssistiti(sessioni, cardHolder(null));
    expect(() => assistiti.set(ctx, { codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', documento: { tipo: 'passaporto', numero: 'AB-1' } })).toThrow(/numero del documento/);
    expect(() => assistiti.set(ctx, { codiceFiscale: 'RSSMRA80A01H501V', nome: 'Mario', cognome: 'Rossi', documento: { tipo: 'carta-identita', numero: 'CA1234567' } })).toThrow(/carattere di controllo/);
    expect(assistiti.set(ctx, { codiceFiscale: 'rssmra80a01h501u', nome: ' Mario ', cognome: 'Rossi', documento: { tipo: 'carta-identita', numero: 'CA1234567' } })).toMatchObject({ codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', origine: 'digitato', documento: { tipo: 'carta-identita', numero: 'CA1234567' } });
    expect(assistiti.cittadino(ctx)).toEqual({
      card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', dataNascita: null },
      operator: 'mario.bianchi',
      identificazione: { operatore: { username: 'mario.bianchi', nome: 'Mario Bianchi' }, documento: { tipo: 'carta-identita', etichetta: "Carta d'identità", numero: 'CA1234567' } },
    });
    expect(assistiti.cittadino({ ...ctx, clientId: 'altra-finestra' })).toBeNull();
    sessioni.close(ctx);
    expect(assistiti.cittadino(ctx)).toBeNull();
  });

  it('is the card holder when a card is in the reader', () => {
    const sessioni = createSessioni(manualClock());
    sessioni.open(ctx, operatore);
    const assistiti = createAssistiti(sessioni, cardHolder({ codiceFiscale: 'MSRNTN77H15C351X', nome: 'ANTONIO', cognome: 'MASERATI', dataNascita: '1977-06-15' }));
    assistiti.set(ctx, { codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', documento: { tipo: 'carta-identita', numero: 'CA1234567' } });
    // The card identifies its holder, who signs with it: no document stands in for the signature.
    expect(assistiti.cittadino(ctx)).toMatchObject({ card: { codiceFiscale: 'MSRNTN77H15C351X', dataNascita: '1977-06-15' }, operator: 'mario.bianchi', identificazione: null });
  });
});
