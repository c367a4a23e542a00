/** The documents calls of the contract, over the functions of this folder. */
import { readFileSync } from 'node:fs';
import type { X509Certificate } from 'node:crypto';
import type { documentsCalls } from '../../shared/contract/documents';
import type { Handlers } from '../../shared/define';
import type { Config } from '../config/schema';
import { DomainError } from '../errors';
import type { Clock } from '../ports/clock';
import { verificaAllegato } from './allegati/verifica-allegato';
import { caricaBundleCa } from './cades/catena';
import { verificaP7m } from './cades/verifica';

export interface DocumentsDeps {
  config: Config;
  clock: Clock;
}

/** The CA bundle is read on each verification, so an updated file needs no restart. */
function fidati(config: Config): X509Certificate[] {
  if (!config.caBundlePath) {
    throw new DomainError('firma.ca-non-configurate', 'Nessun elenco di autorità di certificazione configurato: impossibile verificare la firma.');
  }
  try {
    const certificati = caricaBundleCa(readFileSync(config.caBundlePath, 'utf8'));
    if (certificati.length > 0) return certificati;
  } catch {
    // Unreadable file or malformed certificate: same message as an empty bundle.
  }
  throw new DomainError('firma.ca-non-leggibili', `L'elenco delle autorità di certificazione (${config.caBundlePath}) non è leggibile.`);
}

export function documentsHandlers(deps: DocumentsDeps): Handlers<typeof documentsCalls> {
  return {
    'documents.verificaAllegato': async ({ nome, contenutoBase64, richiediPdfA }) =>
      verificaAllegato(nome, new Uint8Array(Buffer.from(contenutoBase64, 'base64')), { richiediPdfA }),
    'documents.verificaFirma': async ({ p7mBase64 }) => {
      const esito = verificaP7m(new Uint8Array(Buffer.from(p7mBase64, 'base64')), { fidati: fidati(deps.config), al: deps.clock.now() });
      return {
        tipoContenuto: esito.tipoContenuto,
        contenutoBase64: Buffer.from(esito.contenuto).toString('base64'),
        firmatari: esito.firmatari.map((f) => ({
          ...f,
          firmatoIl: f.firmatoIl?.toISOString() ?? null,
          validoDal: f.validoDal.toISOString(),
          validoAl: f.validoAl.toISOString(),
        })),
      };
    },
  };
}
