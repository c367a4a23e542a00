/**
 * The daily report of PIN releases, from the audit log: CSV (semicolon-separated, as
 * Italian spreadsheets expect) and PDF. Both end with the chain's verdict and head hash, so
 * a printed or archived report anchors every entry written up to that moment.
 */
import { giornoEOra, giornoEOraBreve, giornoIsoEsteso } from '../documents/formato-date';
import { incorporaCaratteri } from '../documents/pdf/caratteri';
import { A4, BLU, GRIGIO, Impaginatore } from '../documents/pdf/impaginatore';
import { nuovoDocumento, salvaPdfA } from '../documents/pdf/pdfa';
import type { AuditRow } from '../store/audit-repo';
import type { ChainVerdict } from './catena';

export interface RigaReport {
  seq: number;
  at: string;
  operatore: string;
  codiceFiscale: string;
  serialeCarta: string;
  canale: string;
  destinazione: string;
  documento: string;
  releaseId: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The document checked is recorded by its code ("carta-identita"): `etichetta` gives the name a
 * person reads ("Carta d'identità"), owned by the desk that knows the types.
 */
export function righeReport(rows: AuditRow[], etichetta: (tipo: string) => string = (tipo) => tipo): RigaReport[] {
  return rows.map((r) => {
    const documento = (r.data.documento ?? {}) as Record<string, unknown>;
    return {
      seq: r.seq,
      at: r.at,
      operatore: r.operatore ?? '',
      codiceFiscale: text(r.data.codiceFiscale),
      serialeCarta: text(r.data.serialeCarta),
      canale: text(r.data.canale),
      destinazione: text(r.data.destinazione),
      documento: [text(documento.tipo) && etichetta(text(documento.tipo)), text(documento.numero)].filter(Boolean).join(' '),
      releaseId: text(r.data.releaseId),
    };
  });
}

function verdictLine(verdict: ChainVerdict): string {
  return verdict.ok
    ? `Registro integro: ${verdict.entries} voci, impronta finale ${verdict.head}`
    : `REGISTRO ALTERATO alla voce ${verdict.seq}: ${verdict.reason}`;
}

function csvCell(value: string | number): string {
  const s = String(value);
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportCsv(righe: RigaReport[], verdict: ChainVerdict): string {
  const header = ['voce', 'data_ora', 'operatore', 'codice_fiscale', 'seriale_carta', 'canale', 'destinazione', 'documento', 'riferimento_rilascio'];
  const lines = [header.join(';')];
  for (const r of righe) {
    lines.push([r.seq, giornoEOraBreve(new Date(r.at)), r.operatore, r.codiceFiscale, r.serialeCarta, r.canale, r.destinazione, r.documento, r.releaseId].map(csvCell).join(';'));
  }
  lines.push(`# ${verdictLine(verdict)}`);
  return lines.join('\r\n') + '\r\n';
}

export async function reportPdf(input: { comune: string; giorno: string; righe: RigaReport[]; verdict: ChainVerdict; generatoIl: Date }): Promise<Uint8Array> {
  const doc = await nuovoDocumento();
  const imp = new Impaginatore(doc, await incorporaCaratteri(doc), A4);
  imp.testo(input.comune.toUpperCase(), { grassetto: true, dimensione: 16, colore: BLU });
  imp.filetto(BLU, 1);
  imp.testo(`Rilasci di PIN e PUK del ${giornoIsoEsteso(input.giorno)}`, { grassetto: true, dimensione: 13 });
  imp.testo(`Totale rilasci: ${input.righe.length}`);
  imp.spazio(8);
  for (const r of input.righe) {
    imp.assicura(80);
    imp.testo(`${giornoEOra(new Date(r.at))} - operatore ${r.operatore}`, { grassetto: true });
    imp.coppia('Codice fiscale', r.codiceFiscale, 12);
    imp.coppia('Carta', r.serialeCarta, 12);
    imp.coppia('Canale', `${r.canale} ${r.destinazione}`, 12);
    imp.coppia('Documento controllato', r.documento, 12);
    imp.coppia('Riferimento', r.releaseId, 12);
    imp.filetto();
  }
  if (input.righe.length === 0) imp.testo('Nessun rilascio in questo giorno.');
  imp.spazio(10);
  imp.testo(verdictLine(input.verdict), { dimensione: 8, colore: input.verdict.ok ? GRIGIO : BLU, grassetto: !input.verdict.ok });
  imp.testo(`Generato il ${giornoEOra(input.generatoIl)}`, { dimensione: 8, colore: GRIGIO });
  imp.numeraPagine(`Rilasci del ${giornoIsoEsteso(input.giorno)}`);
  return salvaPdfA(doc, {
    titolo: `Rilasci di PIN e PUK del ${giornoIsoEsteso(input.giorno)}`,
    autore: input.comune,
    soggetto: 'Report giornaliero dello sportello',
    data: input.generatoIl,
    identita: `${input.giorno}:${input.verdict.ok ? input.verdict.head : 'alterato'}`,
  });
}
