/**
 * The two-phase release of a card's PIN and PUK at the desk.
 *
 * The operator is logged in, the citizen's card is in the desk reader, the identity document
 * has been checked and the channel chosen. The issuing system releases: 2 + 2 digits come
 * back here and are shown once and printed on the slip; the other 3 + 6 go to the citizen
 * by email or SMS from the issuer. The audit log records the release, never a digit.
 */
import { DomainError } from '../errors';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports/clock';
import type { CardIdentity, CardPinStatus } from '../ports/card';
import type { Registro } from '../audit/registro';
import type { IssuingPort } from './issuing-port';
import type { Operatore } from './operatori';
import { creaFoglioRilascio } from './foglio-rilascio-pdf';
import { checkCanale, checkDocumento, maskDestinazione, maskNumeroDocumento, type Canale, type Documento } from './validazione';

/** The card in the desk reader, as the identity session knows it. */
export interface CartaAlBanco {
  current(): { identity: CardIdentity; reader: string } | null;
  pinStatus(): Promise<CardPinStatus>;
}

export interface RilascioDeps {
  carta: CartaAlBanco;
  /** Null when the installation has no portal: releases are then impossible, not simulated. */
  issuer: IssuingPort | null;
  registro: Registro;
  clock: Clock;
  comune: string;
  log: Logger;
}

export interface EsitoAlBanco {
  releaseId: string;
  cifre: { pin: string; puk: string };
  destinazioneMascherata: string;
  foglioPdf: Uint8Array;
}

const noCard = () => new DomainError('carta-assente', 'Inserisci la carta del cittadino nel lettore dello sportello.');

export function createRilascio(deps: RilascioDeps) {
  function requireCard(): CardIdentity {
    const current = deps.carta.current();
    if (!current) throw noCard();
    return current.identity;
  }

  return {
    /** The card's holder and PIN state, for the operator to check before releasing. */
    async cartaAlBanco(): Promise<{ identity: CardIdentity; pin: CardPinStatus }> {
      const identity = requireCard();
      return { identity, pin: await deps.carta.pinStatus() };
    },

    async rilascia(operatore: Operatore, input: { documento: Documento; canale: Canale }): Promise<EsitoAlBanco> {
      const identity = requireCard();
      const now = deps.clock.now();
      const documento = checkDocumento(input.documento, now);
      const canale = checkCanale(input.canale);
      if (!deps.issuer) {
        throw new DomainError('emittente-non-configurato', "Servizio di rilascio PIN non configurato su questa postazione: il PIN NON è stato rilasciato. Avvisa l'assistenza.");
      }
      const esito = await deps.issuer.requestRelease({
        codiceFiscale: identity.codiceFiscale,
        serialeCarta: identity.seriale,
        operatore: operatore.username,
        documento,
        testaRegistro: deps.registro.testa(),
        canale,
      });
      const destinazioneMascherata = maskDestinazione(canale);
      // If this append fails (disk full) the error reaches the operator and the digits are not
      // shown: a release that cannot be audited is not handed over; the issuer keeps its record.
      deps.registro.append('rilascio', operatore.username, {
        codiceFiscale: identity.codiceFiscale,
        serialeCarta: identity.seriale,
        canale: canale.tipo,
        destinazione: destinazioneMascherata,
        releaseId: esito.releaseId,
        documento: { tipo: documento.tipo, numero: maskNumeroDocumento(documento.numero), rilasciatoDa: documento.rilasciatoDa, scadenza: documento.scadenza },
      });
      deps.log.info('PIN rilasciato', { operatore: operatore.username, releaseId: esito.releaseId, canale: canale.tipo });
      const foglioPdf = await creaFoglioRilascio({
        comune: deps.comune,
        titolare: { nome: identity.nome, cognome: identity.cognome, codiceFiscale: identity.codiceFiscale },
        serialeCarta: identity.seriale,
        scadenzaCarta: identity.scadenza,
        releaseId: esito.releaseId,
        pinFirst2: esito.pinFirst2,
        pukFirst2: esito.pukFirst2,
        canale: canale.tipo,
        destinazioneMascherata,
        rilasciatoIl: now,
      });
      return { releaseId: esito.releaseId, cifre: { pin: esito.pinFirst2, puk: esito.pukFirst2 }, destinazioneMascherata, foglioPdf };
    },
  };
}

export type Rilascio = ReturnType<typeof createRilascio>;
