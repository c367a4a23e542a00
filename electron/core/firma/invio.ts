/**
 * The module in a submission. A citizen with a card must sign before sending (at the desk
 * too, with the card in its reader). A pratica an operator sends for a citizen without a card,
 * identified on a document, goes with the module that says so, unsigned, under the same file
 * field: the real portal links a file only from a field of the form (README, "Signed modules
 * and attachments"), and the office reads the identification there as on the receipt.
 * A module whose data changed afterwards is void and is never sent.
 */
import { NOME_MODULO, NOME_MODULO_FIRMATO } from '../documents/documenti-pratica';
import type { ModuliPerContoRepo } from '../store/moduli-per-conto-repo';
import type { BlobStore } from '../store/blob-store';
import type { Citizen } from '../pratiche/citizen';
import type { FirmaInvio, PayloadAttachment } from '../pratiche/pratiche';
import type { ModuliFirmatiRepo } from '../store/moduli-firmati-repo';
import { errori } from './errori';
import { improntaDati } from './impronta';
import { SIGNED_MODULE_KEY } from '../catalogue/forms/file-components';

export function createFirmaInvio(deps: { moduli: ModuliFirmatiRepo; perConto: ModuliPerContoRepo; blobs: BlobStore; obbligatoria: boolean }): FirmaInvio {
  function moduloPerConto(praticaId: string, data: Record<string, unknown>, attachments: PayloadAttachment[]): PayloadAttachment | null {
    const modulo = deps.perConto.get(praticaId);
    if (!modulo || modulo.dataSha256 !== improntaDati(data, attachments) || !deps.blobs.has(modulo.pdfSha256)) return null;
    return { key: SIGNED_MODULE_KEY, sha256: modulo.pdfSha256, name: NOME_MODULO, mimeType: 'application/pdf', size: modulo.pdfSize };
  }
  return {
    allegatoFirmato(citizen: Citizen, praticaId: string, data: Record<string, unknown>, attachments: PayloadAttachment[]): PayloadAttachment | null {
      const firmato = deps.moduli.get(praticaId);
      if (!firmato) {
        if (citizen.identificazione) return moduloPerConto(praticaId, data, attachments);
        if (deps.obbligatoria) throw errori.mancante();
        return null;
      }
      if (firmato.dataSha256 !== improntaDati(data, attachments)) throw errori.daRifare();
      if (!deps.blobs.has(firmato.p7mSha256)) throw errori.fileFirmatoAssente();
      return { key: SIGNED_MODULE_KEY, sha256: firmato.p7mSha256, name: NOME_MODULO_FIRMATO, mimeType: 'application/pkcs7-mime', size: firmato.p7mSize };
    },
  };
}
