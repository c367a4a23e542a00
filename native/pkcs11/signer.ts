/**
 * SignerPort over PKCS#11: the authentication certificate of the card (the one
 * whose CN has the CNS form) and its key. CKM_SHA256_RSA_PKCS when the module
 * offers it; otherwise CKM_RSA_PKCS over a SHA-256 DigestInfo (OpenSC on old CNS).
 */
import { sha256DigestInfo } from '../cns/apdu-signer';
import { parseCnsCertificate } from '../cns/certificate';
import { CardError } from '../apdu/errors';
import type { Pkcs11Token } from './token';

export interface Pkcs11Signer {
  certificate(): Promise<Uint8Array>;
  signSha256(data: Uint8Array): Promise<Uint8Array>;
}

/** The certificate to sign with: the CNS authentication one when present, else the first. */
function chooseCertificate(certificates: { der: Uint8Array; id: Buffer }[]): { der: Uint8Array; id: Buffer } {
  const cns = certificates.find((c) => {
    try {
      parseCnsCertificate(c.der);
      return true;
    } catch {
      return false;
    }
  });
  const chosen = cns ?? certificates[0];
  if (!chosen) throw new CardError('firma-non-riuscita', 'Sulla carta non c’è un certificato di firma.');
  return chosen;
}

export function createPkcs11Signer(token: Pkcs11Token, options: { mechanism?: 'sha256-rsa-pkcs' | 'rsa-pkcs' } = {}): Pkcs11Signer {
  let chosen: { der: Uint8Array; id: Buffer } | undefined;
  const certificate = (): { der: Uint8Array; id: Buffer } => (chosen ??= chooseCertificate(token.certificates()));
  return {
    async certificate() {
      return certificate().der.slice();
    },
    async signSha256(data) {
      const { id } = certificate();
      const mechanism = options.mechanism ?? (token.supportsSha256Rsa() ? 'sha256-rsa-pkcs' : 'rsa-pkcs');
      return mechanism === 'sha256-rsa-pkcs' ? token.sign(id, mechanism, data) : token.sign(id, mechanism, sha256DigestInfo(data));
    },
  };
}
