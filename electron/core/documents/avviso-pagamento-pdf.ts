/**
 * The pagoPA payment notice of a pratica ("avviso di pagamento"), A4 for home printers and
 * 80 mm roll for the kiosk: who is owed, why, how much, by when, the codice avviso and the
 * QR code a banking app or IO scans.
 *
 * The rules are pagoPA's "Avviso di pagamento", Allegato 2, Specifiche tecniche, Dati per il
 * pagamento (docs.pagopa.it/avviso-pagamento/allegato-2/specifiche-tecniche/dati-per-il-pagamento):
 * - Codice QR: the string `PAGOPA|002|<codice avviso, 18>|<codice fiscale ente, 11>|<importo in
 *   centesimi, 2 to 11 characters>`; symbol version 4 (33x33 modules), error correction M,
 *   UTF-8.
 * - Rata unica: the QR 25x25 mm, vector, monochrome on white; the codice avviso printed in 22
 *   characters spaces included, its digits in groups of 4 ("3020 0000 0000 1234 56").
 */
import { giornoEOra, giornoEsteso, giornoIsoEsteso } from './formato-date';
import { importoInEuro } from './formato-importi';
import { incorporaCaratteri } from './pdf/caratteri';
import { disegnaCodiceQr } from './pdf/codice-qr';
import { A4, BLU, GRIGIO, Impaginatore, ROTOLO_80MM } from './pdf/impaginatore';
import { nuovoDocumento, salvaPdfA } from './pdf/pdfa';

export interface AvvisoPagamento {
  enteCreditore: string;
  /** 11 digits; null when the configuration does not give it. */
  codiceFiscaleEnte: string | null;
  causale: string;
  /** Integer cents. */
  importoCentesimi: number;
  /** 18 digits; null while the portal has not issued it. */
  codiceAvviso: string | null;
  /** ISO date-time (or day). */
  scadenza: string | null;
  praticaId: string;
}

const CODICE_AVVISO = /^\d{18}$/;
const CODICE_FISCALE_ENTE = /^\d{11}$/;
/** The QR's amount field holds at most 11 characters. */
const IMPORTO_MASSIMO = 99_999_999_999;
const LATO_QR_MM = 25;
const PUNTI_PER_MM = 72 / 25.4;

/**
 * The 11th digit of an ente's numeric codice fiscale checks the other ten, as a partita IVA's:
 * a mistyped configuration would otherwise print a QR that every payment channel refuses.
 */
function codiceFiscaleEnteValido(cf: string): boolean {
  if (!CODICE_FISCALE_ENTE.test(cf)) return false;
  let somma = 0;
  for (let i = 0; i < 10; i++) {
    const cifra = Number(cf[i]);
    const pesata = i % 2 === 0 ? cifra : cifra * 2;
    somma += pesata > 9 ? pesata - 9 : pesata;
  }
  return (10 - (somma % 10)) % 10 === Number(cf[10]);
}

/** The string the notice's QR code holds; null when the notice cannot be paid by QR (no or malformed codice avviso or codice fiscale, impossible amount). */
export function qrPagoPa(a: AvvisoPagamento): string | null {
  const { codiceAvviso, codiceFiscaleEnte, importoCentesimi } = a;
  if (codiceAvviso === null || !CODICE_AVVISO.test(codiceAvviso)) return null;
  if (codiceFiscaleEnte === null || !codiceFiscaleEnteValido(codiceFiscaleEnte)) return null;
  if (!Number.isSafeInteger(importoCentesimi) || importoCentesimi <= 0 || importoCentesimi > IMPORTO_MASSIMO) return null;
  return `PAGOPA|002|${codiceAvviso}|${codiceFiscaleEnte}|${String(importoCentesimi).padStart(2, '0')}`;
}

/** "302000000000123456" -> "3020 0000 0000 1234 56"; anything not 18 digits as it is. */
function codiceAvvisoRaggruppato(codice: string): string {
  return CODICE_AVVISO.test(codice) ? (codice.match(/\d{1,4}/g) ?? []).join(' ') : codice;
}

/** "1 settembre 2026" in Rome, for a day or an instant; null when `iso` is no date. */
function scadenzaLeggibile(iso: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return giornoIsoEsteso(iso);
  const data = new Date(iso);
  return Number.isNaN(data.getTime()) ? null : giornoEsteso(data);
}

export async function avvisoPagamentoPdf(a: AvvisoPagamento, formato: 'a4' | '80mm', generatoIl: Date): Promise<Uint8Array> {
  const doc = await nuovoDocumento();
  const rotolo = formato === '80mm';
  const imp = new Impaginatore(doc, await incorporaCaratteri(doc), rotolo ? ROTOLO_80MM : A4);
  const qr = qrPagoPa(a);

  imp.testo(a.enteCreditore.toUpperCase(), { grassetto: true, dimensione: rotolo ? 12 : 18, colore: BLU, centrato: rotolo });
  imp.filetto(BLU, 1);
  imp.spazio(rotolo ? 4 : 10);
  imp.testo('Avviso di pagamento pagoPA', { grassetto: true, dimensione: rotolo ? 10 : 13, centrato: rotolo });
  imp.spazio(rotolo ? 4 : 10);

  imp.coppia('Ente creditore', a.enteCreditore);
  if (a.codiceFiscaleEnte) imp.coppia('Codice fiscale ente', a.codiceFiscaleEnte);
  imp.coppia('Causale', a.causale);
  imp.coppia('Importo', importoInEuro(a.importoCentesimi));
  const scadenza = a.scadenza === null ? null : scadenzaLeggibile(a.scadenza);
  if (scadenza) imp.coppia('Scadenza', `entro il ${scadenza}`);
  imp.coppia('Codice avviso', a.codiceAvviso ? codiceAvvisoRaggruppato(a.codiceAvviso) : 'non ancora emesso');
  imp.coppia('Riferimento pratica', a.praticaId);

  imp.spazio(rotolo ? 6 : 14);
  if (qr) disegnaCodiceQr(imp, qr, { lato: LATO_QR_MM * PUNTI_PER_MM, correzione: 'M', versione: 4 });
  imp.spazio(rotolo ? 4 : 8);
  if (!a.codiceAvviso) {
    imp.testo('Il codice avviso non è ancora stato emesso: potrai pagare appena il Comune lo avrà generato. Lo troverai nella tua pratica.');
  } else if (qr) {
    imp.testo(
      'Puoi pagare presso banche, uffici postali, tabaccherie e punti vendita aderenti a pagoPA, o online, inquadrando il codice QR con l\'app della tua banca o con l\'app IO.',
    );
  } else {
    // Without the QR (the ente's codice fiscale missing from the configuration) the codes are typed in by hand.
    imp.testo('Puoi pagare presso banche, uffici postali, tabaccherie e punti vendita aderenti a pagoPA, o online, indicando il codice avviso e il codice fiscale dell\'ente creditore.');
  }

  imp.spazio(rotolo ? 6 : 14);
  imp.testo(`Avviso generato il ${giornoEOra(generatoIl)}.`, { dimensione: rotolo ? 6.5 : 8, colore: GRIGIO });
  imp.chiudi();
  imp.numeraPagine('Avviso di pagamento');
  return salvaPdfA(doc, {
    titolo: `Avviso di pagamento pagoPA - ${a.causale}`,
    autore: a.enteCreditore,
    soggetto: `Avviso di pagamento per la pratica ${a.praticaId}`,
    data: generatoIl,
    identita: JSON.stringify([formato, a.praticaId, a.codiceAvviso, a.codiceFiscaleEnte, a.importoCentesimi, a.scadenza]),
  });
}
