/**
 * The check of a citizen's upload: is it a type the comune accepts, is it what its
 * extension says, and for a PDF, is it readable and does it declare PDF/A. Never
 * throws: the answer is always a report with a message a person can act on.
 */
import { esaminaPdf, LIMITI_PDF, type LimitiPdf } from './esame-pdf';
import { estensione, tipoRiconosciuto, TIPI_PER_ESTENSIONE } from './tipi-file';
import type { DichiarazionePdfA } from './xmp-pdfa';

export interface EsitoAllegato {
  ammesso: boolean;
  /** The type the content was recognised as (null when unknown). */
  mime: string | null;
  codice: string | null;
  /** Why it was refused, in Italian; null when accepted. */
  messaggio: string | null;
  /** Things worth telling without refusing (e.g. no PDF/A declaration). */
  avvisi: string[];
  pdf: { versione: string; pagine: number; pdfa: DichiarazionePdfA | null } | null;
}

export interface OpzioniVerificaAllegato {
  /** The comune requires PDF/A for PDF uploads (the Sportello Telematico does). */
  richiediPdfA?: boolean;
  limiti?: LimitiPdf;
}

function rifiutato(codice: string, messaggio: string, mime: string | null = null): EsitoAllegato {
  return { ammesso: false, mime, codice, messaggio, avvisi: [], pdf: null };
}

export async function verificaAllegato(nome: string, contenuto: Uint8Array, opzioni: OpzioniVerificaAllegato = {}): Promise<EsitoAllegato> {
  try {
    if (contenuto.length === 0) return rifiutato('allegato.vuoto', `Il file "${nome}" è vuoto.`);
    const ext = estensione(nome);
    const atteso = TIPI_PER_ESTENSIONE[ext];
    if (!atteso) {
      return rifiutato('allegato.tipo-non-ammesso', `Il file "${nome}" ha un'estensione non ammessa. Sono ammessi: ${Object.keys(TIPI_PER_ESTENSIONE).join(', ')}.`);
    }
    const inizio = contenuto.subarray(0, 1024);
    if (!atteso.riconosci(inizio)) {
      const vero = tipoRiconosciuto(inizio);
      return rifiutato(
        'allegato.contenuto-diverso',
        `Il file "${nome}" non è un ${atteso.descrizione}${vero ? `: sembra un ${vero.descrizione}` : ''}. Controlli di aver scelto il file giusto.`,
        vero?.mime ?? null,
      );
    }
    if (atteso.mime !== 'application/pdf') return { ammesso: true, mime: atteso.mime, codice: null, messaggio: null, avvisi: [], pdf: null };

    const esame = await esaminaPdf(contenuto, opzioni.limiti ?? LIMITI_PDF);
    if (!esame.ok) return rifiutato(esame.codice, `"${nome}": ${esame.messaggio}`, atteso.mime);
    const pdf = { versione: esame.versione, pagine: esame.pagine, pdfa: esame.pdfa };
    if (!esame.pdfa) {
      const testo = `Il file "${nome}" non dichiara la conformità PDF/A.`;
      if (opzioni.richiediPdfA) return { ...rifiutato('allegato.non-pdfa', `${testo} Il Comune accetta solo PDF/A: lo salvi come PDF/A e lo carichi di nuovo.`, atteso.mime), pdf };
      return { ammesso: true, mime: atteso.mime, codice: null, messaggio: null, avvisi: [testo], pdf };
    }
    return { ammesso: true, mime: atteso.mime, codice: null, messaggio: null, avvisi: [], pdf };
  } catch {
    // Whatever a hostile file does to a parser, the citizen gets a message, not a crash.
    return rifiutato('allegato.illeggibile', `Il file "${nome}" non può essere letto.`);
  }
}
