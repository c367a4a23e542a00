/**
 * What of a comune's document goes to the kiosk's printer, which takes PDFs only (adapters/print): a PDF as the
 * portal gave it; of a signed envelope (.p7m), the PDF it carries, since paper cannot carry a digital signature
 * (the signed file stays on the portal, to download). Anything else is refused, saying why.
 */
import type { StampaDocumento } from '../../shared/contract/documenti-comune';
import { contenutoP7m, isBustaP7m } from '../documents/cades/verifica';
import { DomainError } from '../errors';

/** A certificate signed again (name.pdf.p7m.p7m) nests envelopes; deeper than this is no document an office sends. */
const BUSTE_ANNIDATE = 3;

const isPdf = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/** The name without its signed envelopes' extensions: "certificato.pdf.p7m" is "certificato.pdf". */
export const nomeSenzaBuste = (nome: string): string => nome.replace(/(\.p7m)+$/i, '');

/** From the name and type alone, before the bytes are asked for. */
export function stampaDi(nomeFile: string, mimeType: string): StampaDocumento {
  if (isBustaP7m(nomeFile, mimeType)) {
    // The envelope's own name tells what it carries; with no extension left, only its content can say.
    const interno = /\.([a-z0-9]+)$/i.exec(nomeSenzaBuste(nomeFile))?.[1]?.toLowerCase();
    return interno === undefined || interno === 'pdf' ? 'busta-firmata' : 'non-pdf';
  }
  return mimeType === 'application/pdf' || /\.pdf$/i.test(nomeFile) ? 'pdf' : 'non-pdf';
}

const nonStampabile = (perche: string): DomainError =>
  new DomainError('documento-non-stampabile', `${perche} Puoi scaricarlo e stamparlo da un altro dispositivo, o chiederne una copia allo sportello.`);

const NON_PDF = 'Questo documento non si stampa qui: la stampante stampa solo documenti PDF.';

function apriBusta(busta: Uint8Array): Uint8Array {
  try {
    return contenutoP7m(busta);
  } catch (error) {
    if (error instanceof DomainError) throw nonStampabile('La busta firmata di questo documento non si legge, quindi non si può stampare.');
    throw error;
  }
}

function contenutoDellaBusta(busta: Uint8Array): Uint8Array {
  let contenuto = apriBusta(busta);
  // An envelope inside is DER (a SEQUENCE); anything else that is not a PDF is some other file.
  for (let livello = 1; livello < BUSTE_ANNIDATE && !isPdf(contenuto) && contenuto[0] === 0x30; livello++) contenuto = apriBusta(contenuto);
  if (!isPdf(contenuto)) throw nonStampabile('Il documento firmato contiene un file che non è un PDF: la stampante stampa solo documenti PDF.');
  return contenuto;
}

/** Refuses, before its bytes are fetched, a document its name and type already say will not print. */
export function richiediStampabile(nomeFile: string, mimeType: string): StampaDocumento {
  const stampa = stampaDi(nomeFile, mimeType);
  if (stampa === 'non-pdf') throw nonStampabile(NON_PDF);
  return stampa;
}

/** The PDF to print for a document's bytes, or the reason it does not print. */
export function pdfDaStampare(bytes: Uint8Array, nomeFile: string, mimeType: string): Uint8Array {
  if (richiediStampabile(nomeFile, mimeType) === 'busta-firmata') return contenutoDellaBusta(bytes);
  if (!isPdf(bytes)) throw nonStampabile('Il file di questo documento non è un PDF valido, quindi non si può stampare.');
  return bytes;
}
