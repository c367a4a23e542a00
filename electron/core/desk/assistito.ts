/**
 * The citizen an operator is acting for, per desk window: the holder of the card in the
 * reader or, without a card, a codice fiscale typed and checked (check character). Pratiche
 * opened this way carry the operator (pratiche' `openedBy`), so the citizen later finds them
 * under "Aperte per mio conto". Nothing here is stored: it ends with the operator's session.
 */
import type { CallContext } from '../../shared/contract/define';
import type { Cittadino } from '../ports/card';
import type { CartaAlBanco } from './rilascio';
import type { Sessioni } from './sessioni';
import { checkCodiceFiscale } from './validazione';

export interface Assistito {
  codiceFiscale: string;
  nome: string;
  cognome: string;
  origine: 'carta' | 'digitato';
}

/** Structurally the pratiche area's `Citizen`: what its `CurrentCitizen` returns. */
export interface CittadinoAssistito {
  card: Cittadino;
  operator: string;
}

export function createAssistiti(sessioni: Sessioni, carta: CartaAlBanco) {
  const typed = new Map<string, Assistito>();

  function current(context: CallContext): Assistito | null {
    if (!sessioni.peek(context)) {
      typed.delete(context.clientId);
      return null;
    }
    const card = carta.current();
    if (card) {
      const { codiceFiscale, nome, cognome } = card.identity;
      return { codiceFiscale, nome, cognome, origine: 'carta' };
    }
    return typed.get(context.clientId) ?? null;
  }

  return {
    current,
    set(context: CallContext, input: { codiceFiscale: string; nome: string; cognome: string }): Assistito {
      sessioni.require(context);
      const assistito: Assistito = { codiceFiscale: checkCodiceFiscale(input.codiceFiscale), nome: input.nome.trim(), cognome: input.cognome.trim(), origine: 'digitato' };
      typed.set(context.clientId, assistito);
      return current(context) ?? assistito;
    },
    clear(context: CallContext): void {
      typed.delete(context.clientId);
    },
    /** For the pratiche area at a desk: the assisted citizen with the operator acting for them. */
    cittadino(context: CallContext): CittadinoAssistito | null {
      const session = sessioni.peek(context);
      const assistito = current(context);
      if (!session || !assistito) return null;
      const dataNascita = assistito.origine === 'carta' ? (carta.current()?.identity.dataNascita ?? null) : null;
      return {
        card: { codiceFiscale: assistito.codiceFiscale, nome: assistito.nome, cognome: assistito.cognome, dataNascita },
        operator: session.operatore.username,
      };
    },
  };
}

export type Assistiti = ReturnType<typeof createAssistiti>;
