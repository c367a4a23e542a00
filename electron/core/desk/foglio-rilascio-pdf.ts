/**
 * The slip the citizen takes away from the desk: who, which card, the first 2 digits of the
 * PIN and of the PUK, and how to complete them. It is built in memory and handed to the
 * renderer to print or save; the app never writes it to disk or keeps it.
 */
import { giornoEOra, giornoEsteso, giornoIsoEsteso } from '../documents/formato-date';
import { incorporaCaratteri } from '../documents/pdf/caratteri';
import { A4, BLU, GRIGIO, Impaginatore } from '../documents/pdf/impaginatore';
import { nuovoDocumento, salvaPdfA } from '../documents/pdf/pdfa';
import type { Canale } from './validazione';

export interface FoglioRilascioInput {
  comune: string;
  titolare: { nome: string; cognome: string; codiceFiscale: string };
  serialeCarta: string;
  scadenzaCarta: string | null;
  releaseId: string;
  pinFirst2: string;
  pukFirst2: string;
  canale: Canale['tipo'];
  destinazioneMascherata: string;
  rilasciatoIl: Date;
}

export async function creaFoglioRilascio(input: FoglioRilascioInput): Promise<Uint8Array> {
  const doc = await nuovoDocumento();
  const imp = new Impaginatore(doc, await incorporaCaratteri(doc), A4);
  const via = input.canale === 'email' ? `per email all'indirizzo ${input.destinazioneMascherata}` : `per SMS al numero ${input.destinazioneMascherata}`;

  imp.testo(input.comune.toUpperCase(), { grassetto: true, dimensione: 18, colore: BLU });
  imp.filetto(BLU, 1);
  imp.spazio(10);
  imp.testo('CONSEGNA DEL PIN E DEL PUK DELLA CARTA', { grassetto: true, dimensione: 13 });
  imp.spazio(8);
  imp.coppia('Titolare', `${input.titolare.nome} ${input.titolare.cognome}`);
  imp.coppia('Codice fiscale', input.titolare.codiceFiscale);
  imp.coppia('Numero della carta', input.serialeCarta);
  if (input.scadenzaCarta) imp.coppia('Scadenza della carta', giornoIsoEsteso(input.scadenzaCarta));
  imp.coppia('Consegnato il', giornoEOra(input.rilasciatoIl));
  imp.coppia('Riferimento del rilascio', input.releaseId);

  imp.spazio(14);
  imp.testo(`Prime 2 cifre del PIN:   ${input.pinFirst2.split('').join(' ')}`, { grassetto: true, dimensione: 22 });
  imp.spazio(6);
  imp.testo(`Prime 2 cifre del PUK:   ${input.pukFirst2.split('').join(' ')}`, { grassetto: true, dimensione: 22 });
  imp.spazio(14);

  imp.testo('Come completare PIN e PUK', { grassetto: true, colore: BLU, dimensione: 11 });
  imp.filetto();
  imp.testo(`1. Le ultime 3 cifre del PIN e le ultime 6 cifre del PUK le ricevi ${via}, inviate dal sistema di emissione delle carte.`);
  imp.testo('2. Il PIN è di 5 cifre: le 2 di questo foglio seguite dalle 3 del messaggio. Il PUK è di 8 cifre: le 2 di questo foglio seguite dalle 6 del messaggio.');
  imp.testo('3. Attiva la carta con "Attiva la tua carta" al totem del Comune o a casa: inserisci la carta e scrivi le 2 + 3 cifre del PIN; potrai subito sceglierne uno nuovo.');
  imp.testo('4. Tre PIN errati bloccano la carta: con "Attiva la tua carta" la sblocchi scrivendo le 2 + 6 cifre del PUK e scegliendo un nuovo PIN.');
  imp.spazio(8);
  imp.testo(
    `Se il messaggio non arriva entro 24 ore, torna allo sportello del ${input.comune} con questo foglio, la carta e un documento di identità valido: indica il riferimento del rilascio.`,
    { grassetto: true },
  );
  imp.spazio(8);
  imp.testo('Tieni questo foglio separato dalla carta e distruggilo dopo aver cambiato il PIN. Nessun operatore del Comune ti chiederà mai il PIN.', {
    dimensione: 8,
    colore: GRIGIO,
  });
  imp.numeraPagine(`Consegna PIN del ${giornoEsteso(input.rilasciatoIl)}`);
  return salvaPdfA(doc, {
    titolo: 'Consegna del PIN e del PUK della carta',
    autore: input.comune,
    soggetto: `Carta ${input.serialeCarta}`,
    data: input.rilasciatoIl,
    identita: input.releaseId,
  });
}
