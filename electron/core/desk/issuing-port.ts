/**
 * The issuing system: the authority that knows each card's PIN and PUK. The desk asks it to
 * release them for one card and one citizen; it answers with the first 2 digits of each,
 * which the operator hands over on paper, and delivers the rest (3 PIN digits, 6 PUK digits)
 * itself by email or SMS. No single channel ever carries a whole secret.
 *
 * The desk never works around an unreachable issuer: a release is done now, by the issuer,
 * or not at all (never queued, never computed locally). See README.md for the HTTP contract.
 */
import type { Canale, Documento } from './validazione';

export interface RichiestaRilascio {
  codiceFiscale: string;
  serialeCarta: string;
  /** Username of the desk operator who checked the citizen's identity. */
  operatore: string;
  documento: Documento;
  canale: Canale;
  /**
   * The desk's audit log head before this release is recorded (null on an empty log): the
   * issuer keeps it with its own record of the release, an anchor outside this machine that
   * a log cut short or rewritten here can be checked against (`npm run audit -- verify --testa`).
   */
  testaRegistro: { seq: number; hash: string } | null;
}

export interface EsitoRilascio {
  releaseId: string;
  /** First two digits of the PIN: shown once and printed on the slip, never stored. */
  pinFirst2: string;
  /** First two digits of the PUK: shown once and printed on the slip, never stored. */
  pukFirst2: string;
}

export interface IssuingPort {
  requestRelease(request: RichiestaRilascio): Promise<EsitoRilascio>;
}
