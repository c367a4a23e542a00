/**
 * PKCS#11 return codes as the same Italian messages the APDU path gives, so a
 * person reads "PIN errato: 2 tentativi rimasti" whichever way the card is reached.
 */
import { CardError, cardRemoved } from '../apdu/errors';
import { blockedError, wrongSecretError } from '../cns/pin';

export const CKR = {
  GENERAL_ERROR: 0x05,
  FUNCTION_FAILED: 0x06,
  DEVICE_ERROR: 0x30,
  DEVICE_REMOVED: 0x32,
  MECHANISM_INVALID: 0x70,
  PIN_INCORRECT: 0xa0,
  PIN_INVALID: 0xa1,
  PIN_LEN_RANGE: 0xa2,
  PIN_LOCKED: 0xa4,
  SESSION_CLOSED: 0xb0,
  SESSION_HANDLE_INVALID: 0xb3,
  TOKEN_NOT_PRESENT: 0xe0,
  TOKEN_NOT_RECOGNIZED: 0xe1,
  USER_ALREADY_LOGGED_IN: 0x100,
  USER_NOT_LOGGED_IN: 0x101,
  USER_PIN_NOT_INITIALIZED: 0x102,
} as const;

/** Token flags (CK_TOKEN_INFO.flags) about the user PIN's counter. */
export const CKF_USER_PIN_COUNT_LOW = 0x10000;
export const CKF_USER_PIN_FINAL_TRY = 0x20000;
export const CKF_USER_PIN_LOCKED = 0x40000;

export function ckrOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Tries left as far as PKCS#11 tells: FINAL_TRY = 1, COUNT_LOW = fewer than the
 * maximum (2 on a 3-try CNS), nothing = unknown.
 */
function triesFromFlags(flags: number): number | undefined {
  if (flags & CKF_USER_PIN_LOCKED) return 0;
  if (flags & CKF_USER_PIN_FINAL_TRY) return 1;
  if (flags & CKF_USER_PIN_COUNT_LOW) return 2;
  return undefined;
}

/** Maps a pkcs11js error; `tokenFlags` are read after the failure to tell tries left. */
export function toCardError(error: unknown, tokenFlags?: number): CardError {
  if (error instanceof CardError) return error;
  switch (ckrOf(error)) {
    case CKR.PIN_INCORRECT: {
      const tries = tokenFlags === undefined ? undefined : triesFromFlags(tokenFlags);
      return tries === undefined ? new CardError('pin-errato', 'PIN errato: controlla e riprova') : wrongSecretError('pin', tries);
    }
    case CKR.PIN_LOCKED:
      return blockedError('pin');
    case CKR.PIN_INVALID:
    case CKR.PIN_LEN_RANGE:
      return new CardError('pin-formato', 'Il PIN non ha un formato valido per questa carta.');
    case CKR.USER_NOT_LOGGED_IN:
      return new CardError('pin-richiesto', 'Per firmare serve prima il PIN della carta.');
    case CKR.DEVICE_REMOVED:
    case CKR.TOKEN_NOT_PRESENT:
    case CKR.SESSION_CLOSED:
    case CKR.SESSION_HANDLE_INVALID:
      return cardRemoved();
    case CKR.TOKEN_NOT_RECOGNIZED:
    case CKR.USER_PIN_NOT_INITIALIZED:
      return new CardError('token-assente', 'Il modulo di firma non riconosce questa carta: serve il software del produttore della carta.');
    default:
      return new CardError('firma-non-riuscita', 'Il modulo di firma della carta ha restituito un errore: riprova o rivolgiti allo sportello.');
  }
}
