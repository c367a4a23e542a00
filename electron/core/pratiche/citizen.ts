/**
 * Who the pratiche belong to. The identity area owns the card session; pratiche only
 * need the card's data and, at a desk, the operator acting for the citizen, so the
 * handler factory takes a `CurrentCitizen` function instead of depending on identity.
 */
import type { CallContext } from '../../shared/contract/define';
import { DomainError } from '../errors';
import { cittadinoDi, type Cittadino } from '../ports/card';

export interface Citizen {
  card: Cittadino;
  /** The desk operator who opens pratiche on the citizen's behalf; null when the citizen acts alone. */
  operator: string | null;
  /**
   * How that operator identified a citizen who has no card in the reader: the document seen. The
   * citizen then signs nothing, and module and receipt say who identified them and how. Absent or
   * null: the citizen signs with the card (alone, or at the desk with the card in its reader).
   */
  identificazione?: Identificazione | null;
}

export interface Identificazione {
  operatore: { username: string; nome: string };
  /** `etichetta` as the desk names the type ("Carta d'identità"). */
  documento: { tipo: string; etichetta: string; numero: string };
}

export type CurrentCitizen = (context: CallContext) => Citizen | null;

/** The citizen a call acts for: none (no card, or the PIN not verified yet) is refused. */
export function requireCitizen(current: CurrentCitizen, context: CallContext): Citizen {
  const c = current(context);
  if (!c) throw new DomainError('carta-assente', 'Inserisci la tua carta per accedere alle tue pratiche.');
  return c;
}

/**
 * The citizen of the card session, once the PIN is verified: personal data are shown and
 * pratiche are signed as theirs only after that.
 */
export function citizenFromCard(current: { identity: Cittadino; authenticated: boolean } | null): Citizen | null {
  return current?.authenticated ? { card: cittadinoDi(current.identity), operator: null } : null;
}
