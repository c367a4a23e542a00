/**
 * The port through which a PKCS#11 token asks the card itself how many PIN tries
 * are left. OpenSC's token flags carry no counter for a CNS (its itacns driver never
 * asks the card), so after a wrong PIN the module can only say "incorrect". The
 * card knows: a VERIFY with no data reports its counter without spending a try.
 *
 * The query goes beside the module (PC/SC, native/pcsc), never through it, so this
 * folder stays free of the PC/SC binding: whoever opens the token hands in an
 * implementation (see electron/adapters/demo/stato-pin-pcsc.ts).
 */
import type { PinStatus } from '../cns/pin';

export interface PinStatusReader {
  /**
   * The user PIN's status on the card in the reader the module names `readerName`
   * (its slot description). Must never spend a try nor disturb the module's own
   * connection to the card. null when that card cannot be asked (not a PC/SC reader,
   * not a CNS, the reader busy): the token then does without.
   */
  userPin(readerName: string): Promise<PinStatus | null>;
}

/**
 * Whether the login must be refused before any VERIFY reaches the card: only when the
 * card itself says its PIN is blocked. The module's flags are not enough: OpenSC flags a
 * CNS it has not tried a PIN on yet as locked (observed: flags 0x4040c on a card with 3
 * tries left), and refusing a good card as "PIN bloccato" would send a citizen to the PUK
 * for nothing. When the card cannot be asked the login goes ahead: a blocked card
 * answers it with CKR_PIN_LOCKED and spends no try.
 */
export function loginRefused(card: PinStatus | null): boolean {
  return card?.blocked === true;
}
