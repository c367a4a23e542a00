/**
 * Errors a person may see, raised anywhere in the card layer.
 *
 * Structurally identical to core's `UserFacing` (a string `code`, an Italian
 * `message`, `userFacing: true`), so core passes them across the boundary as they are
 * without native/ importing electron/.
 */
export type CardErrorCode =
  | 'carta-rimossa'
  | 'carta-assente'
  | 'carta-in-uso'
  | 'lettore-non-disponibile'
  | 'lettore-timeout'
  | 'carta-non-riconosciuta'
  | 'carta-cie'
  | 'carta-risposta-non-valida'
  | 'carta-dati-non-validi'
  | 'carta-file-assente'
  | 'carta-errore'
  | 'certificato-non-valido'
  | 'certificato-scaduto'
  | 'certificato-non-attendibile'
  | 'carta-incoerente'
  | 'pin-formato'
  | 'puk-formato'
  | 'pin-errato'
  | 'pin-bloccato'
  | 'puk-errato'
  | 'puk-bloccato'
  | 'pin-richiesto'
  | 'firma-non-riuscita'
  | 'modulo-pkcs11-assente'
  | 'token-assente';

export class CardError extends Error {
  readonly userFacing = true as const;
  constructor(
    readonly code: CardErrorCode,
    message: string,
    /** Tries left on the PIN or PUK when the card said so. */
    readonly triesLeft?: number,
  ) {
    super(message);
    this.name = 'CardError';
  }
}

export const cardRemoved = (): CardError =>
  new CardError('carta-rimossa', 'Carta rimossa: reinserisci la carta e riprova.');

export const readerServiceUnavailable = (): CardError =>
  new CardError('lettore-non-disponibile', 'Servizio lettore non disponibile: verifica che il lettore sia collegato. Nuovo tentativo in corso.');

export function isCardError(error: unknown, code?: CardErrorCode): error is CardError {
  return error instanceof CardError && (code === undefined || error.code === code);
}
