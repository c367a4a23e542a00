/**
 * Every code an error crossing the boundary can carry (the contract's error schema, define.ts), per area: kebab-case Italian naming what
 * happened in the domain's words (the message, for a person, says what to do). A code not listed
 * here does not compile where it is raised (core's DomainError, the card layer's CardError through
 * its adapter) and is not accepted by the contract's error schema.
 */
/** The call itself: refused before or after any area saw it (core/api/dispatch.ts, the transports). */
const codiciChiamata = [
  'input-non-valido',
  'chiamata-sconosciuta',
  'chiamata-non-ammessa',
  'mittente-non-autorizzato',
  'troppe-richieste',
  'connessione-persa',
  'errore-interno',
] as const;

/** Start-up and the installation (configuration, data directory, printer). */
const codiciInstallazione = ['configurazione-non-valida', 'istanza-gia-attiva', 'documento-non-valido', 'documento-non-stampabile', 'stampa-non-riuscita'] as const;

/** The database (store/database.ts): what SQLite said, for a person. */
export const codiciArchivio = [
  'archivio-sola-lettura',
  'archivio-pieno',
  'archivio-errore-disco',
  'archivio-non-apribile',
  'archivio-occupato',
  'archivio-danneggiato',
] as const;

/** The card and its reader: the card layer's own (native/apdu/errors.ts, kept equal by the card adapter) and the session's. */
export const codiciCarta = [
  'carta-rimossa',
  'carta-assente',
  'carta-in-uso',
  'lettore-non-disponibile',
  'lettore-timeout',
  'carta-non-riconosciuta',
  'carta-cie',
  'carta-risposta-non-valida',
  'carta-dati-non-validi',
  'carta-file-assente',
  'carta-errore',
  'certificato-non-valido',
  'certificato-scaduto',
  'certificato-non-attendibile',
  'carta-incoerente',
  'pin-formato',
  'puk-formato',
  'pin-errato',
  'pin-bloccato',
  'puk-errato',
  'puk-bloccato',
  'pin-richiesto',
  'firma-non-riuscita',
  'modulo-pkcs11-assente',
  'token-assente',
] as const;

/** What the identity session adds to the card layer's codes. */
const codiciSessione = ['carta-non-identificata', 'carta-non-leggibile', 'carta-diversa'] as const;

const codiciCatalogo = [
  'catalogo-non-valido',
  'comune-non-collegato',
  'comune-sconosciuto',
  'modulo-non-disponibile',
  'servizio-sconosciuto',
  'portale-non-configurato',
  'portale-non-raggiungibile',
  'richiesta-rifiutata-dal-portale',
  'prenotazioni-non-disponibili',
  // A form of the catalogue (catalogue/forms) and what it asks of the portal (catalogue/form-helper).
  'modulo-non-valido',
  'modulo-mancante',
  'modulo-ciclico',
  'modulo-troppo-annidato',
  'modulo-troppo-grande',
  'richiesta-modulo-non-ammessa',
] as const;

const codiciPratiche = [
  'pratica-sconosciuta',
  'pratica-non-modificabile',
  'pratica-incompleta',
  'pratica-non-inviata',
  'bozza-protetta',
  'campo-sconosciuto',
  'passo-sconosciuto',
  'dati-troppo-grandi',
  'nota-troppo-lunga',
  'descrizione-troppo-lunga',
  'condizioni-da-accettare',
  'condizioni-cambiate',
  'pagamento-non-previsto',
  'servizio-sospeso',
  'servizio-non-disponibile',
  // Messages with the office (pratiche/messaggi.ts).
  'messaggio-vuoto',
  'messaggio-non-ammesso',
  'integrazione-non-richiesta',
  'messaggio-sconosciuto',
  // Appointments booked from a pratica (pratiche/appuntamenti.ts).
  'appuntamento-sconosciuto',
  'appuntamento-non-annullabile',
] as const;

/**
 * Every reason an attachment can be refused, as the `code` of the error the renderer
 * receives (the message, in Italian, says what to do). The checks of a file are in
 * electron/core/documents/allegati; the slot rules in electron/core/pratiche/allegati.
 */
export const codiciAllegato = [
  // The file (documents/allegati/verifica-allegato.ts).
  'allegato-vuoto',
  'allegato-troppo-grande',
  'allegato-tipo-non-ammesso',
  'allegato-contenuto-diverso',
  'allegato-pdf-non-valido',
  'allegato-pdf-incompleto',
  'allegato-pdf-cifrato',
  'allegato-pdf-troppo-complesso',
  'allegato-pdf-troppe-pagine',
  'allegato-pdf-contenuto-attivo',
  'allegato-non-pdfa',
  'allegato-illeggibile',
  // The slot of the pratica (pratiche/allegati/allegati.ts).
  'allegato-non-previsto',
  'allegati-troppi',
  'allegato-sconosciuto',
] as const;
export type CodiceAllegato = (typeof codiciAllegato)[number];

/** Signing a pratica's module, and verifying signatures (a signer's verdict as `firma-<esito>`). */

const codiciFirma = [
  'firma-mancante',
  'firma-in-corso',
  'firma-da-rifare',
  'modulo-firmato-assente',
  'modulo-da-firmare-vuoto',
  'documento-non-disponibile',
  'firma-formato-non-valido',
  'firma-contenuto-alterato',
  'firma-non-valida',
  'firma-algoritmo-non-ammesso',
  'firma-non-cades',
  'firma-certificato-firmatario-errato',
  'firma-certificato-non-attendibile',
  'firma-certificato-scaduto',
  'firma-certificato-non-ancora-valido',
  'elenco-ca-non-valido',
] as const;

/** The desk: operators, the assisted citizen, PIN/PUK release and the issuing system, the audit log. */
const codiciSportello = [
  'non-sportello',
  'non-autorizzato',
  'sessione-operatore-assente',
  'assistito-assente',
  'credenziali-errate',
  'operatore-bloccato',
  'accessi-sospesi',
  'operatore-sconosciuto',
  'amministratore-esistente',
  'username-esistente',
  'username-non-valido',
  'password-debole',
  'codice-fiscale-non-valido',
  'email-non-valida',
  'cellulare-non-valido',
  'documento-ente-mancante',
  'documento-numero-non-valido',
  'documento-scadenza-non-valida',
  'documento-scaduto',
  'emittente-non-configurato',
  'emittente-non-disponibile',
  'emittente-credenziali-mancanti',
  'emittente-accesso-negato',
  'emittente-esito-incerto',
  'carta-sconosciuta-emittente',
  'carta-non-del-cittadino',
  'rilascio-rifiutato',
  'registro-dato-segreto',
] as const;

const codiciSync = ['credenziali-portale-mancanti'] as const;

export const codiciErrore = [
  ...codiciChiamata,
  ...codiciInstallazione,
  ...codiciArchivio,
  ...codiciCarta,
  ...codiciSessione,
  ...codiciCatalogo,
  ...codiciPratiche,
  ...codiciAllegato,
  ...codiciFirma,
  ...codiciSportello,
  ...codiciSync,
] as const;
export type CodiceErrore = (typeof codiciErrore)[number];

/** The areas' lists by name: a code belongs to one area only, and every area is in `codiciErrore`. */
export const codiciPerArea = {
  chiamata: codiciChiamata,
  installazione: codiciInstallazione,
  archivio: codiciArchivio,
  carta: codiciCarta,
  sessione: codiciSessione,
  catalogo: codiciCatalogo,
  pratiche: codiciPratiche,
  allegato: codiciAllegato,
  firma: codiciFirma,
  sportello: codiciSportello,
  sync: codiciSync,
} as const;
export type CodiceCarta = (typeof codiciCarta)[number];
export type CodiceArchivio = (typeof codiciArchivio)[number];
