/**
 * A TEST-ONLY PKI for emulated cards: a self-signed CA and a CNS authentication
 * certificate shaped like the real ones (subject CN `CODICEFISCALE/SERIAL.hash`,
 * CNS policy 1.3.76.16.2.1). Nothing here is trusted anywhere: the CA's name says so.
 *
 * RSA keys come from Node's crypto (native, fast) and are cached in the OS temp
 * directory by label, so test runs do not pay for key generation each time; no
 * private key is committed to the repository. Certificates are issued with
 * node-forge, fresh on every call (cheap).
 */
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import forge from 'node-forge';

export const CNS_POLICY_OID = '1.3.76.16.2.1';
const KEY_CACHE_DIR = join(tmpdir(), 'sportello-virtual-card-keys');

/** An RSA key pair cached under `label` (one file per label and size). */
export function cachedRsaKey(label: string, bits: number): KeyObject {
  const file = join(KEY_CACHE_DIR, `${label.replace(/[^a-z0-9-]/gi, '_')}-${bits}.pem`);
  try {
    return createPrivateKey(readFileSync(file, 'utf8'));
  } catch {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 0x10001 });
    mkdirSync(KEY_CACHE_DIR, { recursive: true, mode: 0o700 });
    // Write aside, then link into place only if no other worker got there first:
    // nobody reads half a key, and every process ends up with the same key.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, privateKey.export({ type: 'pkcs1', format: 'pem' }) as string, { mode: 0o600 });
    try {
      linkSync(partial, file);
      return privateKey;
    } catch {
      return createPrivateKey(readFileSync(file, 'utf8'));
    } finally {
      unlinkSync(partial);
    }
  }
}

export interface TestCa {
  readonly certificatePem: string;
  readonly key: KeyObject;
}

export interface CardHolderIdentity {
  readonly codiceFiscale: string;
  readonly surname: string;
  readonly givenName: string;
  /** EF_IDCarta: 16 digits. */
  readonly cardSerial: string;
}

export interface IssuedCertificate {
  readonly certificatePem: string;
  readonly certificateDer: Uint8Array;
  readonly subjectCommonName: string;
}

function toForgeKey(key: KeyObject): forge.pki.rsa.PrivateKey {
  return forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }) as string);
}

function publicOf(key: forge.pki.rsa.PrivateKey): forge.pki.rsa.PublicKey {
  return forge.pki.setRsaPublicKey(key.n, key.e);
}

function serialNumber(seed: string): string {
  // Positive, non-zero first byte: a valid DER INTEGER without a sign byte.
  return `1${createHash('sha256').update(seed).digest('hex').slice(0, 15)}`;
}

function validity(cert: forge.pki.Certificate, years: number): void {
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now + years * 365 * 24 * 3600 * 1000);
}

const CA_SUBJECT = [
  { name: 'countryName', value: 'IT' },
  { name: 'organizationName', value: 'Sportello TEST ONLY' },
  { name: 'commonName', value: 'Sportello TEST CA - NON VALIDA' },
];

export function createTestCa(label = 'test-ca'): TestCa {
  const key = cachedRsaKey(label, 2048);
  const forgeKey = toForgeKey(key);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicOf(forgeKey);
  cert.serialNumber = serialNumber(label);
  validity(cert, 10);
  cert.setSubject(CA_SUBJECT);
  cert.setIssuer(CA_SUBJECT);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgeKey, forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(cert), key };
}

/** CN as CNS cards carry it: codice fiscale, card serial and a base64 hash. */
export function cnsCommonName(identity: CardHolderIdentity): string {
  const hash = createHash('sha1').update(`${identity.codiceFiscale}/${identity.cardSerial}`).digest('base64');
  return `${identity.codiceFiscale}/${identity.cardSerial}.${hash}`;
}

/** The authentication certificate of a CNS for `cardKey`, issued by `ca`. */
export function issueCnsCertificate(ca: TestCa, cardKey: KeyObject, identity: CardHolderIdentity): IssuedCertificate {
  const caKey = toForgeKey(ca.key);
  const caCert = forge.pki.certificateFromPem(ca.certificatePem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicOf(toForgeKey(cardKey));
  cert.serialNumber = serialNumber(`${identity.cardSerial}/${identity.codiceFiscale}`);
  validity(cert, 6);
  const commonName = cnsCommonName(identity);
  cert.setSubject([
    { name: 'countryName', value: 'IT' },
    { name: 'organizationName', value: 'Sportello TEST ONLY' },
    { type: '2.5.4.4', value: identity.surname },
    { type: '2.5.4.42', value: identity.givenName },
    { type: '2.5.4.46', value: identity.cardSerial },
    { name: 'commonName', value: commonName },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  const policies = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [
    forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [
      forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.OID, false, forge.asn1.oidToDer(CNS_POLICY_OID).getBytes()),
    ]),
  ]);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
    { id: '2.5.29.32', value: policies },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  return {
    certificatePem: forge.pki.certificateToPem(cert),
    certificateDer: new Uint8Array(Buffer.from(der, 'binary')),
    subjectCommonName: commonName,
  };
}
