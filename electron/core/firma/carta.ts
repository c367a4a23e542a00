/**
 * What signing needs from the card session (identity/session.ts): who is in the
 * reader, one PIN verification, and the card's signer right after it.
 */
import type { CardIdentity } from '../ports/card';
import type { SignerPort } from '../ports/signer';

export interface CartaFirmataria {
  current(): { identity: CardIdentity; reader: string } | null;
  /** One attempt, never repeated: a wrong PIN comes back as the card layer's error with the tries left. */
  verifyPin(pin: string): Promise<unknown>;
  signer(): SignerPort;
}
