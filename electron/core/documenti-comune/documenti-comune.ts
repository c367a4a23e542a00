/**
 * The documents the comune issued to the citizen (certificates, receipts, permits: their folders on the
 * portal, DocumentsAPIController), asked live while the citizen is there and never kept on the device: a
 * kiosk forgets its citizens, and the portal keeps the documents. The portal lets any operator account read
 * any citizen's documents by codice fiscale, so this module is what holds the line: a document is handed
 * over only when it is among those the portal lists for the citizen of the session.
 */
import { DomainError } from '../errors';
import type { Citizen } from '../pratiche/citizen';
import { PortalError } from '../sync/portal-error';
import type { PortalClient } from '../sync/portal-port';
import type { PortalDocument } from '../sync/portal-schemas';
import { mimeTypeOf } from '../sync/portal-files';
import type { StampaDocumento } from '../../shared/contract/documenti-comune';
import { nomeSenzaBuste, pdfDaStampare, richiediStampabile, stampaDi } from './stampa';

export interface DocumentoComune {
  id: string;
  titolo: string;
  descrizione: string | null;
  nomeFile: string;
  mimeType: string;
  rilasciatoIl: string | null;
  scadeIl: string | null;
  stampa: StampaDocumento;
}

const view = (d: PortalDocument): DocumentoComune => {
  const nomeFile = d.original_filename ?? `${d.title}.pdf`;
  const mimeType = d.mime_type ?? mimeTypeOf(nomeFile, null);
  return { id: d.id, titolo: d.title, descrizione: d.description ?? null, nomeFile, mimeType, rilasciatoIl: d.created_at ?? null, scadeIl: d.expire_at ?? null, stampa: stampaDi(nomeFile, mimeType) };
};

/** A portal that did not answer, or would not: said so, in the citizen's words. */
function unreachable(error: unknown): never {
  if (!(error instanceof PortalError)) throw error;
  if (error.kind === 'account') throw new DomainError('portale-non-raggiungibile', "Per vedere i documenti del Comune serve l'accesso al portale con la tua carta: inserisci la carta e il PIN.");
  // At home the portal is asked with the citizen's own token, and DocumentsAPIController serves only operators (403).
  if (error.status === 403) throw new DomainError('richiesta-rifiutata-dal-portale', "Il portale del Comune non dà i documenti rilasciati all'app: li trovi nell'area personale del sito del Comune.");
  if (error.kind !== 'permanent') throw new DomainError('portale-non-raggiungibile', 'Il Comune non è raggiungibile ora: i documenti rilasciati si vedono quando torna il collegamento.');
  throw error;
}

const nonTrovato = (): DomainError => new DomainError('documento-non-disponibile', 'Documento non trovato tra quelli che il Comune ti ha rilasciato.');

export function createDocumentiComune(deps: { portal: PortalClient | null }) {
  const ofCitizen = async (citizen: Citizen): Promise<PortalDocument[]> => {
    if (!deps.portal) return [];
    return deps.portal.listDocuments(citizen.card.codiceFiscale).catch(unreachable);
  };
  const ownDocument = async (citizen: Citizen, documentId: string): Promise<DocumentoComune> => {
    const own = (await ofCitizen(citizen)).find((d) => d.id === documentId);
    if (!own) throw nonTrovato();
    return view(own);
  };
  const fetchBytes = async (documentId: string): Promise<Buffer> => {
    if (!deps.portal) throw nonTrovato();
    return deps.portal.downloadDocument(documentId).catch(unreachable);
  };
  return {
    /** Null without a portal (the demo): nothing to ask. */
    async list(citizen: Citizen): Promise<{ collegato: boolean; documenti: DocumentoComune[] }> {
      return { collegato: deps.portal !== null, documenti: (await ofCitizen(citizen)).map(view) };
    },
    async download(citizen: Citizen, documentId: string): Promise<{ contentBase64: string; nomeFile: string; mimeType: string }> {
      const own = await ownDocument(citizen, documentId);
      const bytes = await fetchBytes(own.id);
      return { contentBase64: bytes.toString('base64'), nomeFile: own.nomeFile, mimeType: own.mimeType };
    },
    /** The bytes come from the portal for this print only, as for a download: nothing is kept on the device. */
    async daStampare(citizen: Citizen, documentId: string): Promise<{ pdfBase64: string; nomeFile: string; jobName: string }> {
      const own = await ownDocument(citizen, documentId);
      richiediStampabile(own.nomeFile, own.mimeType);
      const pdf = pdfDaStampare(await fetchBytes(own.id), own.nomeFile, own.mimeType);
      return { pdfBase64: Buffer.from(pdf).toString('base64'), nomeFile: nomeSenzaBuste(own.nomeFile), jobName: own.titolo.slice(0, 80) };
    },
  };
}

export type DocumentiComune = ReturnType<typeof createDocumentiComune>;
