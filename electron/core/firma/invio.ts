/**
 * The signed module in a submission. A citizen with a card must sign before sending;
 * a pratica opened at the desk by an operator for a citizen without a card (codice
 * fiscale typed in) goes unsigned, as the desk identified the person. A signature
 * whose data changed afterwards is void and is never sent.
 */
import { NOME_MODULO_FIRMATO } from '../documents/documenti-pratica';
import type { BlobStore } from '../store/blob-store';
import type { Citizen } from '../pratiche/citizen';
import type { FirmaInvio, PayloadAttachment } from '../pratiche/pratiche';
import type { ModuliFirmatiRepo } from '../store/moduli-firmati-repo';
import { errori } from './errori';
import { improntaDati } from './impronta';
import { SIGNED_MODULE_KEY } from '../catalogue/forms/file-components';

export function createFirmaInvio(deps: { moduli: ModuliFirmatiRepo; blobs: BlobStore; obbligatoria: boolean }): FirmaInvio {
  return {
    allegatoFirmato(citizen: Citizen, praticaId: string, data: Record<string, unknown>, attachments: PayloadAttachment[]): PayloadAttachment | null {
      const firmato = deps.moduli.get(praticaId);
      if (!firmato) {
        if (deps.obbligatoria && citizen.operator === null) throw errori.mancante();
        return null;
      }
      if (firmato.dataSha256 !== improntaDati(data, attachments)) throw errori.daRifare();
      if (!deps.blobs.has(firmato.p7mSha256)) throw errori.fileFirmatoAssente();
      return { key: SIGNED_MODULE_KEY, sha256: firmato.p7mSha256, name: NOME_MODULO_FIRMATO, mimeType: 'application/pkcs7-mime', size: firmato.p7mSize };
    },
  };
}
