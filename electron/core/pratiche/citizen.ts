/**
 * Who the pratiche belong to. The identity area owns the card session; pratiche only
 * need the card's data and, at a desk, the operator acting for the citizen, so the
 * handler factory takes a `CurrentCitizen` function instead of depending on identity.
 */
import type { CallContext } from '../../shared/contract/define';
import type { CardData } from '../store/cittadini-repo';

export interface Citizen {
  card: CardData;
  /** The desk operator who opens pratiche on the citizen's behalf; null when the citizen acts alone. */
  operator: string | null;
}

export type CurrentCitizen = (context: CallContext) => Citizen | null;

/**
 * The citizen of the card session, once the PIN is verified: personal data are shown and
 * pratiche are signed as theirs only after that.
 */
export function citizenFromCard(
  current: { identity: { codiceFiscale: string; nome: string; cognome: string; dataNascita: string | null }; authenticated: boolean } | null,
): Citizen | null {
  if (!current?.authenticated) return null;
  const { identity } = current;
  return {
    card: { fiscalCode: identity.codiceFiscale, givenName: identity.nome, familyName: identity.cognome, birthDate: identity.dataNascita, birthPlace: null },
    operator: null,
  };
}
