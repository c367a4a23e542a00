/**
 * What a signature verification tells a person: one verdict per signer, in the order
 * the checks can be relied on (the document untouched, the signature the signer's,
 * the certificate from a trusted CA, the certificate valid when the signature was
 * made), with the certificate's state today reported apart: a signature made while
 * the certificate was valid stays valid after the certificate expires.
 */
import type { EsitoFirma, fontiOraFirma } from '../../../shared/contract/documents';
import { DomainError } from '../../errors';
import { giorno } from '../formato-date';

/** Failures of the document or of the signature itself: nothing about the signer can be relied on. */
export type DifettoFirma = Exclude<EsitoFirma, 'valida' | 'certificato-non-attendibile' | 'certificato-scaduto' | 'certificato-non-ancora-valido'>;

/** Where the instant the certificate is judged at comes from. */
export type FonteOra = (typeof fontiOraFirma)[number];

export class DifettoDellaFirma extends Error {
  constructor(
    readonly codice: DifettoFirma,
    messaggio: string,
  ) {
    super(messaggio);
  }
}

export interface Riferimento {
  readonly istante: Date;
  readonly fonte: FonteOra;
}

function quando(r: Riferimento): string {
  switch (r.fonte) {
    case 'marca-temporale':
      return `apposta il ${giorno(r.istante)} (marca temporale)`;
    case 'dichiarata-dal-firmatario':
      return `apposta il ${giorno(r.istante)}`;
    case 'verifica':
      return 'senza data di firma, giudicata a oggi';
  }
}

export interface DatiVerdetto {
  readonly riferimento: Riferimento;
  readonly attendibile: boolean;
  readonly allaFirma: 'valido' | 'scaduto' | 'non-ancora-valido';
  readonly oggi: 'valido' | 'scaduto' | 'non-ancora-valido';
  readonly validoDal: Date;
  readonly validoAl: Date;
  readonly emittente: string;
}

export function codiceEsito(d: DatiVerdetto): EsitoFirma {
  if (!d.attendibile) return 'certificato-non-attendibile';
  if (d.allaFirma === 'scaduto') return 'certificato-scaduto';
  if (d.allaFirma === 'non-ancora-valido') return 'certificato-non-ancora-valido';
  return 'valida';
}

export function messaggioEsito(d: DatiVerdetto): string {
  const codice = codiceEsito(d);
  if (codice === 'certificato-non-attendibile') {
    return `Firma non attendibile: il certificato è stato emesso da ${d.emittente}, che non è tra le autorità di certificazione riconosciute.`;
  }
  if (codice === 'certificato-scaduto') return `Firma non valida: ${quando(d.riferimento)} con un certificato già scaduto il ${giorno(d.validoAl)}.`;
  if (codice === 'certificato-non-ancora-valido') return `Firma non valida: ${quando(d.riferimento)} con un certificato valido solo dal ${giorno(d.validoDal)}.`;
  const base = `Firma valida, ${quando(d.riferimento)}`;
  if (d.oggi === 'scaduto') return `${base} quando il certificato era valido; certificato scaduto il ${giorno(d.validoAl)}.`;
  return `${base}; certificato valido fino al ${giorno(d.validoAl)}.`;
}

/** For callers that accept only a fully valid envelope (our own modules): the first signer's failure as an error. */
export function richiediFirmaValida(esito: { firmatari: readonly { esito: EsitoFirma; messaggio: string }[] }): void {
  const difettoso = esito.firmatari.find((f): f is { esito: Exclude<EsitoFirma, 'valida'>; messaggio: string } => f.esito !== 'valida');
  if (difettoso) throw new DomainError(`firma-${difettoso.esito}`, difettoso.messaggio);
}
