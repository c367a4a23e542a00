/**
 * The compiled module ("modulo compilato"): the letter a citizen would have written to
 * the comune, with every field of the form and every attachment's fingerprint, as a
 * PDF/A-2B ready to be signed.
 */
import type { Clock } from '../ports/clock';
import { giorno, giornoIsoEsteso } from './formato-date';
import { sezioniDelModulo, type Voce } from './formio/voci';
import type { ModuloInput, Richiedente } from './modulo-input';
import { identificazioneTesto } from './identificazione-testo';
import { residenzaTesto } from './residenza-testo';
import { incorporaCaratteri } from './pdf/caratteri';
import { A4, BLU, GRIGIO, Impaginatore } from './pdf/impaginatore';
import { nuovoDocumento, salvaPdfA } from './pdf/pdfa';

/** "Il sottoscritto" / "La sottoscritta" / "Il/La sottoscritto/a", and so on. */
function declinato(sesso: Richiedente['sesso'], maschile: string, femminile: string, neutro: string): string {
  return sesso === 'M' ? maschile : sesso === 'F' ? femminile : neutro;
}

export function dichiarazioneRichiedente(r: Richiedente): string {
  const parti = [
    `${declinato(r.sesso, 'Il sottoscritto', 'La sottoscritta', 'Il/La sottoscritto/a')} ${r.nome} ${r.cognome}`,
  ];
  if (r.luogoNascita || r.dataNascita) {
    let nascita = declinato(r.sesso, 'nato', 'nata', 'nato/a');
    if (r.luogoNascita) nascita += ` a ${r.luogoNascita}`;
    if (r.dataNascita) nascita += ` il ${giornoIsoEsteso(r.dataNascita)}`;
    parti.push(nascita);
  }
  parti.push(`codice fiscale ${r.codiceFiscale}`);
  if (r.residenza) parti.push(`residente in ${residenzaTesto(r.residenza)}`);
  if (r.email) parti.push(`e-mail ${r.email}`);
  if (r.telefono) parti.push(`telefono ${r.telefono}`);
  return `${parti.join(', ')},`;
}

function intestazione(imp: Impaginatore, input: ModuloInput, prima: { valore: boolean }): void {
  imp.testo(input.comune.nome.toUpperCase(), { grassetto: true, dimensione: prima.valore ? 18 : 11, colore: BLU });
  if (prima.valore) {
    const recapiti = [input.comune.indirizzo, input.comune.pec && `PEC ${input.comune.pec}`].filter(Boolean).join(' - ');
    if (recapiti) imp.testo(recapiti, { dimensione: 8, colore: GRIGIO });
  }
  imp.filetto(BLU, 1.2);
  imp.spazio(prima.valore ? 10 : 6);
  prima.valore = false;
}

function scriviVoci(imp: Impaginatore, voci: Voce[], rientro: number): void {
  for (const voce of voci) {
    if (voce.tipo === 'campo') {
      imp.coppia(voce.etichetta, voce.valore, rientro);
    } else {
      imp.assicura(40);
      imp.testo(voce.titolo, { grassetto: true, rientro, colore: BLU });
      if (voce.voci.length === 0) imp.coppia('', 'nessun dato', rientro + 12);
      scriviVoci(imp, voce.voci, rientro + 12);
    }
  }
}

export async function creaModuloPdf(input: ModuloInput, clock: Clock): Promise<Uint8Array> {
  const adesso = clock.now();
  const doc = await nuovoDocumento();
  const caratteri = await incorporaCaratteri(doc);
  const prima = { valore: true };
  const imp = new Impaginatore(doc, caratteri, A4, (i) => intestazione(i, input, prima));
  const destra = imp.larghezzaUtile * 0.55;

  imp.testo('Spett.le', { rientro: destra });
  imp.testo(input.comune.nome, { rientro: destra, grassetto: true });
  if (input.comune.denominazioneAoo) imp.testo(input.comune.denominazioneAoo, { rientro: destra });
  imp.spazio(14);
  imp.testo(`OGGETTO: ${input.servizio.nome}`, { grassetto: true, dimensione: 11 });
  if (input.riferimento) imp.testo(`Riferimento pratica: ${input.riferimento}`, { dimensione: 8, colore: GRIGIO });
  imp.spazio(10);
  imp.testo(dichiarazioneRichiedente(input.richiedente));
  imp.spazio(6);
  imp.testo('CHIEDE', { grassetto: true, centrato: true, dimensione: 11 });
  imp.spazio(4);
  imp.testo(input.servizio.richiesta ?? `l'accesso al servizio "${input.servizio.nome}".`);
  imp.spazio(4);
  imp.testo(
    "A tal fine, consapevole delle sanzioni penali previste dall'art. 76 del D.P.R. 445/2000 per le dichiarazioni " +
      'mendaci, dichiara quanto riportato di seguito.',
  );

  for (const sezione of sezioniDelModulo(input.componenti, input.dati)) {
    imp.spazio(10);
    imp.assicura(50);
    imp.testo(sezione.titolo, { grassetto: true, dimensione: 11, colore: BLU });
    imp.filetto();
    scriviVoci(imp, sezione.voci, 0);
  }

  imp.spazio(10);
  imp.assicura(50);
  imp.testo('Allegati', { grassetto: true, dimensione: 11, colore: BLU });
  imp.filetto();
  if (input.allegati.length === 0) imp.testo('Nessun allegato.');
  input.allegati.forEach((a, i) => {
    imp.assicura(30);
    imp.testo(`${i + 1}. ${a.nome}${a.descrizione ? ` - ${a.descrizione}` : ''} (${a.mime})`);
    imp.testo(`SHA-256: ${a.sha256}`, { rientro: 12, dimensione: 7.5, colore: GRIGIO });
  });

  imp.spazio(18);
  imp.assicura(60);
  imp.testo(`${input.luogo ?? input.comune.nome.replace(/^Comune di /i, '')}, ${giorno(adesso)}`);
  imp.spazio(8);
  imp.testo(declinato(input.richiedente.sesso, 'Il richiedente', 'La richiedente', 'Il/La richiedente'), { rientro: destra });
  imp.testo(`${input.richiedente.nome} ${input.richiedente.cognome}`, { rientro: destra, grassetto: true });
  if (input.perConto) {
    imp.testo("Presentata allo sportello dall'operatore per conto del richiedente, senza firma digitale.", { rientro: destra, dimensione: 7.5, colore: GRIGIO });
    imp.testo(`${identificazioneTesto(input.perConto)}.`, { rientro: destra, dimensione: 7.5, colore: GRIGIO });
  } else {
    imp.testo('Documento firmato digitalmente con la Carta Nazionale dei Servizi', { rientro: destra, dimensione: 7.5, colore: GRIGIO });
  }

  imp.numeraPagine(input.riferimento ? `Pratica ${input.riferimento}` : input.servizio.nome);
  return salvaPdfA(doc, {
    titolo: `${input.servizio.nome} - ${input.richiedente.nome} ${input.richiedente.cognome}`,
    autore: `${input.richiedente.nome} ${input.richiedente.cognome}`,
    soggetto: `Domanda al ${input.comune.nome}`,
    data: adesso,
    identita: JSON.stringify([input.riferimento, input.servizio.id, input.richiedente.codiceFiscale]),
  });
}
