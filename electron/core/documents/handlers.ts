/** The documents calls of the contract, over the functions of this folder. */
import type { documentsCalls } from '../../shared/contract/documents';
import type { Handlers } from '../../shared/contract/define';
import type { Config } from '../config/schema';
import type { Clock } from '../ports/clock';
import { caricaFiducia } from '../pki/fiducia';
import { verificaP7m } from './cades/verifica';

export interface DocumentsDeps {
  config: Config;
  clock: Clock;
}

export function documentsHandlers(deps: DocumentsDeps): Handlers<typeof documentsCalls> {
  return {
    'documents.verificaFirma': async ({ p7mBase64 }) => {
      const esito = verificaP7m(new Uint8Array(Buffer.from(p7mBase64, 'base64')), { fidati: caricaFiducia(deps.config).ancore, al: deps.clock.now() });
      return {
        valida: esito.valida,
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
