/** The Italian errors of signing and of the documents of a pratica. */
import { DomainError } from '../errors';

export const errori = {
  nonBozza: () => new DomainError('pratica-non-modificabile', 'Questa pratica è già stata inviata: la domanda non si può più firmare.'),
  incompleta: (details: { path: string; message: string }[]) =>
    new DomainError('pratica-incompleta', 'La pratica non è completa: controlla "Stato della compilazione" prima di firmare.', details),
  senzaCarta: () => new DomainError('carta-assente', 'Per firmare inserisci la carta del richiedente nel lettore.'),
  cartaDiversa: () =>
    new DomainError('carta-diversa', 'La carta nel lettore non è del richiedente di questa pratica: per firmare serve la sua carta.'),
  inCorso: () => new DomainError('firma-in-corso', 'La firma di questa pratica è già in corso: attendi.'),
  mancante: () => new DomainError('firma-mancante', 'Prima di inviare, firma la domanda con la tua carta e il PIN.'),
  daRifare: () =>
    new DomainError('firma-da-rifare', 'Hai modificato la pratica dopo averla firmata: la firma non vale più. Firma di nuovo la domanda prima di inviarla.'),
  fileFirmatoAssente: () =>
    new DomainError('modulo-firmato-assente', 'Il modulo firmato non si trova più su questa postazione: firma di nuovo la domanda.'),
  nonInviata: () => new DomainError('pratica-non-inviata', "La ricevuta è disponibile dopo l'invio della pratica."),
  documentoAssente: (cosa: string) => new DomainError('documento-non-disponibile', `${cosa} non è disponibile per questa pratica.`),
};
