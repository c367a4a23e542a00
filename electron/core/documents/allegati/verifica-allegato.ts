/**
 * THE check of a citizen's attachment, for every way a file joins a pratica (a new upload,
 * a document reused from "I miei allegati"): the name made safe, then not empty, not too
 * large, a format the slot accepts, content that is what the extension says, and for a
 * PDF: complete, readable, not encrypted, no active content, and PDF/A where the comune
 * requires it. Never throws: the answer is always a verdict with a message, in Italian,
 * that says what to do. The refusal codes are listed in contract/documents.ts.
 */
import type { CodiceAllegato } from '../../../shared/contract/errori';
import { dimensioneLeggibile } from '../../../shared/dimensione-file';
import { esaminaPdf, LIMITI_PDF, type DatiPdf, type LimitiPdf } from './esame-pdf';
import { estensione, nomeFileSicuro } from './nome-file';
import { formatiAmmessi, nomeDelTipo, PDF, tipoPerEstensione, tipoRiconosciuto } from './tipi-file';

/** What the comune asks of one attachment (a slot of the service, `x_sportello_attachments`). */
export interface RegoleAllegato {
  /** The document as the comune names it, quoted in the messages ("Attestazione ISEE"). */
  etichetta: string;
  /** MIME types accepted, as the catalogue lists them. */
  tipiAmmessi: readonly string[];
  byteMassimi: number;
  richiediPdfA: boolean;
}

export type EsitoAllegato =
  | { ammesso: true; nome: string; mime: string; dimensione: number; pdf: DatiPdf | null; avvisi: string[] }
  | { ammesso: false; nome: string; codice: CodiceAllegato; messaggio: string };

/**
 * How a citizen turns a document into a PDF/A with what is usually at hand, said wherever
 * a file is not one: a remark or a refusal without it leaves them stuck.
 */
const COME_OTTENERE_PDFA =
  'Per ottenerlo: apri il documento con LibreOffice o Word e scegli "Esporta come PDF" (in Word: "Salva con nome", formato PDF, "Opzioni"), spunta "PDF/A" e allega il nuovo file. Se hai solo il PDF, chiedi a chi te l\'ha dato di inviartelo in formato PDF/A.';

/** Only the first bytes tell the type; the rest is read by the PDF examination. */
const INIZIO = 1024;

export async function verificaAllegato(nomeDalDispositivo: string, contenuto: Uint8Array, regole: RegoleAllegato, limiti: LimitiPdf = LIMITI_PDF): Promise<EsitoAllegato> {
  const nome = nomeFileSicuro(nomeDalDispositivo);
  const rifiutato = (codice: CodiceAllegato, messaggio: string): EsitoAllegato => ({ ammesso: false, nome, codice, messaggio });
  try {
    if (contenuto.length === 0) return rifiutato('allegato-vuoto', `Il file "${nome}" è vuoto. Controlla di aver scelto il file giusto e riprova.`);
    if (contenuto.length > regole.byteMassimi) {
      return rifiutato(
        'allegato-troppo-grande',
        `Il file "${nome}" pesa ${dimensioneLeggibile(contenuto.length)}: per "${regole.etichetta}" il massimo è ${dimensioneLeggibile(regole.byteMassimi)}. Riducine le dimensioni (per esempio scansionandolo a risoluzione più bassa) e riprova.`,
      );
    }
    const tipo = tipoPerEstensione(estensione(nome));
    if (!tipo || !regole.tipiAmmessi.includes(tipo.mime)) {
      const formati = formatiAmmessi(regole.tipiAmmessi);
      return rifiutato(
        'allegato-tipo-non-ammesso',
        formati.length > 0
          ? `Per "${regole.etichetta}" sono ammessi solo file ${formati.join(', ')}: "${nome}" è di un altro tipo.`
          : `Per "${regole.etichetta}" non si possono allegare file da questo sportello: chiedi all'ufficio del Comune.`,
      );
    }
    const inizio = contenuto.subarray(0, INIZIO);
    if (!tipo.riconosci(inizio)) {
      const sembra = tipoRiconosciuto(inizio);
      return rifiutato(
        'allegato-contenuto-diverso',
        `Il file "${nome}" non è davvero un file ${nomeDelTipo(tipo)}${sembra ? `: sembra un file ${sembra}` : ''}. Controlla di aver scelto il file giusto.`,
      );
    }
    if (tipo !== PDF) return { ammesso: true, nome, mime: tipo.mime, dimensione: contenuto.length, pdf: null, avvisi: [] };

    const esame = await esaminaPdf(nome, contenuto, limiti);
    if (!esame.ok) return rifiutato(esame.codice, esame.messaggio);
    const pdf: DatiPdf = { versione: esame.versione, pagine: esame.pagine, pdfa: esame.pdfa };
    const avvisi: string[] = [];
    if (!pdf.pdfa) {
      if (regole.richiediPdfA) {
        return rifiutato(
          'allegato-non-pdfa',
          `Per "${regole.etichetta}" serve un PDF/A: il file "${nome}" non dichiara di esserlo. ${COME_OTTENERE_PDFA}`,
        );
      }
      avvisi.push(`Il file "${nome}" non è un PDF/A: il Comune lo accetta così, ma un PDF/A si conserva meglio nel tempo e puoi sostituirlo quando vuoi. ${COME_OTTENERE_PDFA}`);
    }
    return { ammesso: true, nome, mime: PDF.mime, dimensione: contenuto.length, pdf, avvisi };
  } catch {
    // Whatever a hostile file does to a parser, the citizen gets a message, not a crash.
    return rifiutato('allegato-illeggibile', `Il file "${nome}" non si può leggere. Salvalo di nuovo e riprova.`);
  }
}
