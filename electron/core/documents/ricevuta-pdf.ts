/**
 * The receipt a citizen takes home ("ricevuta di presentazione"): what was submitted,
 * when, by whom, the list of documents, and the protocol number once the portal has
 * assigned one. A4 for desk and home printers, 80 mm roll for kiosks.
 *
 * Each document's SHA-256 stays on the receipt, as it binds the paper to the files the
 * Comune received, but out of the citizen's reading: in small print at the end, named for
 * what it does ("codice di controllo"), not for the algorithm.
 */
import { giornoEOra, giornoEsteso, ora } from './formato-date';
import { identificazioneTesto, type IdentificazioneTesto } from './identificazione-testo';
import type { Comune, Richiedente, Servizio } from './modulo-input';
import { incorporaCaratteri } from './pdf/caratteri';
import { A4, BLU, GRIGIO, Impaginatore, ROTOLO_80MM } from './pdf/impaginatore';
import { nuovoDocumento, salvaPdfA } from './pdf/pdfa';

export interface RicevutaInput {
  comune: Comune;
  servizio: Servizio;
  richiedente: Richiedente;
  presentataIl: Date;
  riferimento?: string;
  protocollo?: { numero: string; data: Date } | null;
  documenti: { nome: string; sha256: string }[];
  /** The appointment booked with it: the portal's, or the slot chosen in the form while the portal has not booked it. */
  appuntamento?: { dal: Date; al: Date; stato: 'fissato' | 'da-confermare' | 'non-disponibile' } | null;
  /** Sent by a desk operator for a citizen who did not sign it: how they identified the citizen. */
  perConto?: IdentificazioneTesto | null;
}

const STATO_APPUNTAMENTO = { fissato: '', 'da-confermare': " (da confermare: l'orario sarà confermato dal Comune)", 'non-disponibile': " (non disponibile: l'orario era già stato preso, prenotane un altro)" };

export type FormatoRicevuta = 'a4' | '80mm';

export async function creaRicevutaPdf(input: RicevutaInput, formato: FormatoRicevuta): Promise<Uint8Array> {
  const doc = await nuovoDocumento();
  const caratteri = await incorporaCaratteri(doc);
  const rotolo = formato === '80mm';
  const imp = new Impaginatore(doc, caratteri, rotolo ? ROTOLO_80MM : A4);
  const titolo = rotolo ? 12 : 18;

  imp.testo(input.comune.nome.toUpperCase(), { grassetto: true, dimensione: titolo, colore: BLU, centrato: rotolo });
  imp.filetto(BLU, 1);
  imp.spazio(rotolo ? 4 : 10);
  imp.testo('RICEVUTA DI PRESENTAZIONE', { grassetto: true, dimensione: rotolo ? 10 : 13, centrato: rotolo });
  imp.spazio(rotolo ? 4 : 10);

  const r = input.richiedente;
  imp.coppia('Servizio', input.servizio.nome);
  imp.coppia('Richiedente', `${r.nome} ${r.cognome}`);
  imp.coppia('Codice fiscale', r.codiceFiscale);
  imp.coppia('Presentata il', giornoEOra(input.presentataIl));
  if (input.perConto) {
    imp.coppia('Presentata da', `l'operatore ${input.perConto.operatore}, allo sportello, per conto del richiedente`);
    imp.coppia('Identificazione', identificazioneTesto(input.perConto));
  }
  if (input.riferimento) imp.coppia('Riferimento pratica', input.riferimento);
  imp.coppia(
    'Protocollo',
    input.protocollo ? `n. ${input.protocollo.numero} del ${giornoEsteso(input.protocollo.data)}` : 'in attesa di protocollazione: il numero sarà comunicato appena assegnato',
  );
  const a = input.appuntamento;
  if (a) imp.coppia('Appuntamento', `${giornoEOra(a.dal)}–${ora(a.al)}${STATO_APPUNTAMENTO[a.stato]}`);

  imp.spazio(rotolo ? 4 : 10);
  imp.testo('Documenti presentati', { grassetto: true, colore: BLU, dimensione: rotolo ? 9 : 11 });
  imp.filetto();
  input.documenti.forEach((d, i) => {
    imp.assicura(20);
    imp.testo(`${i + 1}. ${d.nome}`);
  });

  imp.spazio(rotolo ? 6 : 14);
  const piccolo = { dimensione: rotolo ? 6.5 : 8, colore: GRIGIO };
  imp.testo('Conservi questa ricevuta.', piccolo);
  imp.spazio(rotolo ? 4 : 8);
  imp.testo('Codici di controllo dei documenti: servono al Comune per verificare che i documenti ricevuti siano identici a quelli presentati.', piccolo);
  input.documenti.forEach((d, i) => {
    imp.assicura(16);
    imp.testo(`${i + 1}. ${d.sha256}`, { dimensione: rotolo ? 6 : 7, colore: GRIGIO });
  });
  imp.chiudi();
  imp.numeraPagine('Ricevuta di presentazione');
  return salvaPdfA(doc, {
    titolo: `Ricevuta di presentazione - ${input.servizio.nome}`,
    autore: input.comune.nome,
    soggetto: `Ricevuta per ${r.nome} ${r.cognome}`,
    data: input.presentataIl,
    identita: JSON.stringify([formato, input.riferimento, input.servizio.id, r.codiceFiscale, input.protocollo?.numero ?? null]),
  });
}
