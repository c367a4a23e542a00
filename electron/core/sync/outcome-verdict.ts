/**
 * A signed outcome file judged as it arrives, with the trusted CAs the app ships (or those the
 * configuration adds): the citizen reads "Firmato da … il …: firma valida" beside it, not a file to
 * trust blindly. Only CAdES envelopes (.p7m) are signed files here; revocation is not checked
 * (documents/cades/verifica.ts says so in every verdict).
 */
import type { X509Certificate } from 'node:crypto';
import { isBustaP7m, verificaP7m } from '../documents/cades/verifica';
import type { VerdettoFirma } from '../store/remote-repo';

export function verdictOf(bytes: Uint8Array, name: string, mimeType: string, fidati: () => readonly X509Certificate[], now: Date): VerdettoFirma | null {
  if (!isBustaP7m(name, mimeType)) return null;
  const verificatoIl = now.toISOString();
  try {
    const esito = verificaP7m(bytes, { fidati: fidati(), al: now });
    return {
      valida: esito.valida,
      errore: null,
      firmatari: esito.firmatari.map((f) => ({ nome: f.nome, codiceFiscale: f.codiceFiscale, firmatoIl: f.firmatoIl?.toISOString() ?? null, esito: f.esito, messaggio: f.messaggio })),
      verificatoIl,
    };
  } catch (error) {
    return { valida: false, errore: error instanceof Error ? error.message : String(error), firmatari: [], verificatoIl };
  }
}
