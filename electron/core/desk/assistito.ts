/**
 * The citizen an operator is acting for, per desk window: the holder of the card in the
 * reader or, without a card, a codice fiscale typed and checked (check character) with the
 * identity document the operator saw. Pratiche opened this way carry the operator (pratiche'
 * `openedBy`), so the citizen later finds them under "Aperte per mio conto". The card's holder
 * signs with it; a citizen identified on a document signs nothing, and the module and the receipt
 * say who identified them on which document (firma/firma-pratica.ts). Nothing here is stored: it
 * ends with the operator's session.
 */
import type { CallContext } from '../../shared/contract/define';
import type { TipoDocumento } from '../../shared/contract/desk';
import type { Cittadino } from '../ports/card';
import type { Identificazione } from '../pratiche/citizen';
import type { CartaAlBanco } from './rilascio';
import type { Sessioni } from './sessioni';
import { DomainError } from '../errors';
import { checkCodiceFiscale, checkNumeroDocumento, etichettaDocumento } from './validazione';

export interface DocumentoVisto {
  tipo: TipoDocumento;
  numero: string;
}

export interface Assistito {
  codiceFiscale: string;
  nome: string;
  cognome: string;
  origine: 'carta' | 'digitato';
  documento: DocumentoVisto | null;
}

/** Structurally the pratiche area's `Citizen`: what its `CurrentCitizen` returns. */
export interface CittadinoAssistito {
  card: Cittadino;
  operator: string;
  identificazione: Identificazione | null;
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
      return { codiceFiscale, nome, cognome, origine: 'carta', documento: null };
    }
    return typed.get(context.clientId) ?? null;
  }

  /** The assisted citizen with the operator acting for them, as the pratiche area's `CurrentCitizen` returns it. */
  function cittadino(context: CallContext): CittadinoAssistito | null {
    const session = sessioni.peek(context);
    const assistito = current(context);
    if (!session || !assistito) return null;
    const dataNascita = assistito.origine === 'carta' ? (carta.current()?.identity.dataNascita ?? null) : null;
    const { username, nome } = session.operatore;
    const documento = assistito.documento;
    return {
      card: { codiceFiscale: assistito.codiceFiscale, nome: assistito.nome, cognome: assistito.cognome, dataNascita },
      operator: username,
      identificazione: documento && { operatore: { username, nome }, documento: { ...documento, etichetta: etichettaDocumento(documento.tipo) } },
    };
  }

  return {
    current,
    set(context: CallContext, input: { codiceFiscale: string; nome: string; cognome: string; documento: DocumentoVisto }): Assistito {
      sessioni.require(context);
      const assistito: Assistito = {
        codiceFiscale: checkCodiceFiscale(input.codiceFiscale),
        nome: input.nome.trim(),
        cognome: input.cognome.trim(),
        origine: 'digitato',
        documento: { tipo: input.documento.tipo, numero: checkNumeroDocumento(input.documento.numero) },
      };
      typed.set(context.clientId, assistito);
      return current(context) ?? assistito;
    },
    clear(context: CallContext): void {
      typed.delete(context.clientId);
    },
    cittadino,
    /**
     * For the pratiche area at a desk. Without an assisted citizen the call is refused in the
     * operator's words: nobody there is asked for "your card" (pratiche/citizen.ts speaks to citizens).
     */
    richiesto(context: CallContext): CittadinoAssistito {
      const c = cittadino(context);
      if (!c) throw new DomainError('assistito-assente', 'Scegli prima il cittadino assistito: con la sua carta nel lettore, o con codice fiscale e documento di identità.');
      return c;
    },
  };
}

export type Assistiti = ReturnType<typeof createAssistiti>;
