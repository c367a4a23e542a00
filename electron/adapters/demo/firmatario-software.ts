/**
 * A SignerPort over a software RSA key (node crypto): for unit tests, the benchmark and
 * the demo when no card is at hand. Same semantics as CKM_SHA256_RSA_PKCS on a card.
 */
import { sign, type KeyObject } from 'node:crypto';
import type { SignerPort } from '../../core/ports/signer';

export function firmatarioSoftware(certificatoDer: Uint8Array, chiavePrivata: KeyObject): SignerPort {
  return {
    certificate: async () => certificatoDer,
    signSha256: async (dati) => new Uint8Array(sign('sha256', dati, chiavePrivata)),
  };
}
