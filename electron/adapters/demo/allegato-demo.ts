/** A small PDF/A-2B standing in for a citizen's upload (certificate, ISEE) in the demo and tests. */
import { incorporaCaratteri } from '../../core/documents/pdf/caratteri';
import { A4, Impaginatore } from '../../core/documents/pdf/impaginatore';
import { nuovoDocumento, salvaPdfA } from '../../core/documents/pdf/pdfa';

export async function creaAllegatoDemo(titolo: string, righe: string[], data: Date): Promise<Uint8Array> {
  const doc = await nuovoDocumento();
  const imp = new Impaginatore(doc, await incorporaCaratteri(doc), A4);
  imp.testo(titolo, { grassetto: true, dimensione: 14 });
  imp.spazio(8);
  for (const riga of righe) imp.testo(riga);
  return salvaPdfA(doc, { titolo, autore: 'Demo', soggetto: titolo, data, identita: titolo });
}
