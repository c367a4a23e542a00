/** Turns what the PC/SC binding reports into the card layer's errors for a person. */
import { CardError, cardRemoved, readerServiceUnavailable } from '../apdu/errors';
import { pcscCodeOf, SCARD } from './pcsc-lib';

const REMOVED = new Set<number>([
  SCARD.E_NO_SMARTCARD,
  SCARD.W_REMOVED_CARD,
  SCARD.W_RESET_CARD,
  SCARD.W_UNPOWERED_CARD,
  SCARD.E_READER_UNAVAILABLE,
  SCARD.E_UNKNOWN_READER,
  SCARD.E_INVALID_HANDLE,
  SCARD.E_NOT_TRANSACTED,
]);

function isServiceGone(error: unknown): boolean {
  const code = pcscCodeOf(error);
  return code === SCARD.E_NO_SERVICE || code === SCARD.E_SERVICE_STOPPED;
}

export function toCardError(error: unknown): CardError {
  if (error instanceof CardError) return error;
  if (isServiceGone(error)) return readerServiceUnavailable();
  const code = pcscCodeOf(error);
  if (code === SCARD.E_SHARING_VIOLATION) {
    return new CardError('carta-in-uso', "La carta è in uso da un'altra applicazione: chiudila e riprova.");
  }
  if (code === undefined || REMOVED.has(code)) return cardRemoved();
  return new CardError('carta-errore', `Errore del lettore (${code.toString(16).toUpperCase()}): reinserisci la carta e riprova.`);
}
