/**
 * The project's one TEST-ONLY PKI: for the virtual CNS, the demo and every test.
 * Certification authorities (a root, intermediates under it, a second root nobody
 * trusts) and citizen certificates shaped like a CNS's: subject CN
 * `CODICEFISCALE/SERIAL.hash`, surname, given name and card serial in the subject;
 * the authentication certificate with the CNS policy 1.3.76.16.2.1, the signature
 * certificate with non-repudiation and the codice fiscale in serialNumber too. Every
 * validity can be chosen, so expired and not-yet-valid certificates are real ones.
 *
 * Nothing here is trusted anywhere: every name carries "Sportello TEST ONLY" and the
 * default CA is "Sportello TEST CA - NON VALIDA"; the app's shipped list does not hold it.
 *
 * RSA keys come from Node's crypto and are cached in the OS temp directory by label,
 * so runs do not pay for key generation each time; no private key is committed.
 * Certificates are issued with node-forge, fresh on every call (cheap).
 */
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import forge from 'node-forge';

export const CNS_POLICY_OID = '1.3.76.16.2.1';
/** The organisation of every name this PKI writes. */
const TEST_ORGANIZATION = 'Sportello TEST ONLY';
export const TEST_CA_NAME = 'Sportello TEST CA - NON VALIDA';
/** A second root, for "a CA outside the bundle": its own name and key. */
const OTHER_TEST_CA_NAME = 'Sportello TEST CA non riconosciuta - NON VALIDA';

const KEY_CACHE_DIR = join(tmpdir(), 'sportello-test-pki-keys');
const DAY_MS = 24 * 3600 * 1000;

/** An RSA private key cached under `label` (one file per label and size). */
function cachedRsaKey(label: string, bits = 2048): KeyObject {
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

/** The key of the card with this serial: the virtual CNS's, and a certificate's by default. */
export function cardKey(cardSerial: string, bits = 2048): KeyObject {
  return cachedRsaKey(`cns-card-${cardSerial}`, bits);
}

export interface Validity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** From yesterday for `years` years: valid now, whatever the day. */
export function validFromYesterday(years: number): Validity {
  const now = Date.now();
  return { notBefore: new Date(now - DAY_MS), notAfter: new Date(now + years * 365 * DAY_MS) };
}

/**
 * A CA's default window: fixed and wide, so certificates dated in the past or the
 * future chain to a CA valid at the time they are judged.
 */
const CA_VALIDITY: Validity = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2045-01-01T00:00:00Z') };

export interface TestCa {
  /** The CA's CN. */
  readonly name: string;
  readonly certificatePem: string;
  readonly certificateDer: Uint8Array;
  readonly key: KeyObject;
}

export interface TestCaOptions {
  /** CN (keep "TEST" in it); the CA's key is cached under it, so a name is always the same CA. */
  readonly name?: string;
  readonly validity?: Validity;
  /** The CA above: an intermediate (real CNS chains have one: root, then the issuing CA). Self-signed without. */
  readonly issuer?: TestCa;
}

export interface CardHolder {
  readonly codiceFiscale: string;
  readonly surname: string;
  readonly givenName: string;
  /** EF_IDCarta: 16 digits. */
  readonly cardSerial: string;
}

/** The holder of every test card and certificate unless told otherwise. */
export const TEST_HOLDER: CardHolder = {
  codiceFiscale: 'RSSMRA80A01H501U',
  surname: 'ROSSI',
  givenName: 'MARIO',
  cardSerial: '6120016461039008',
};

/**
 * `authentication`: the CNS's certificate (digitalSignature + keyEncipherment, TLS
 * client, CNS policy). `signature`: a signing certificate (digitalSignature +
 * nonRepudiation), the codice fiscale also in serialNumber as `TINIT-…`.
 */
export type CertificateUse = 'authentication' | 'signature';

export interface IssueOptions {
  /** Fields left out are TEST_HOLDER's. */
  readonly holder?: Partial<CardHolder>;
  readonly use?: CertificateUse;
  /** From yesterday for six years by default. */
  readonly validity?: Validity;
  /** The holder's key; by default `cardKey(holder.cardSerial)`, the virtual CNS's with that serial. */
  readonly key?: KeyObject;
  /** A subject CN in place of the CNS one: for certificates a reader must refuse. */
  readonly commonName?: string;
}

export interface IssuedCertificate {
  readonly certificatePem: string;
  readonly certificateDer: Uint8Array;
  readonly subjectCommonName: string;
  /** The holder's private key. */
  readonly key: KeyObject;
}

function toForgeKey(key: KeyObject): forge.pki.rsa.PrivateKey {
  return forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }) as string);
}

function publicOf(key: forge.pki.rsa.PrivateKey): forge.pki.rsa.PublicKey {
  return forge.pki.setRsaPublicKey(key.n, key.e);
}

/** Reproducible from what makes the certificate itself; positive, no sign byte needed. */
function serialNumber(...parts: string[]): string {
  return `1${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 31)}`;
}

function setValidity(cert: forge.pki.Certificate, validity: Validity): void {
  cert.validity.notBefore = validity.notBefore;
  cert.validity.notAfter = validity.notAfter;
}

function signed(cert: forge.pki.Certificate, issuerKey: forge.pki.rsa.PrivateKey): { certificatePem: string; certificateDer: Uint8Array } {
  cert.sign(issuerKey, forge.md.sha256.create());
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  return { certificatePem: forge.pki.certificateToPem(cert), certificateDer: new Uint8Array(Buffer.from(der, 'binary')) };
}

/** What the issuer puts in what it issues: its name, its key, its key identifier. */
function issuing(ca: TestCa): { subject: forge.pki.CertificateField[]; key: forge.pki.rsa.PrivateKey; keyIdentifier: string } {
  const certificate = forge.pki.certificateFromPem(ca.certificatePem);
  return { subject: certificate.subject.attributes, key: toForgeKey(ca.key), keyIdentifier: certificate.generateSubjectKeyIdentifier().getBytes() };
}

export function createTestCa(options: TestCaOptions = {}): TestCa {
  const name = options.name ?? TEST_CA_NAME;
  const validity = options.validity ?? CA_VALIDITY;
  const key = cachedRsaKey(`ca-${name}`);
  const forgeKey = toForgeKey(key);
  const issuer = options.issuer ? issuing(options.issuer) : undefined;
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicOf(forgeKey);
  cert.serialNumber = serialNumber('ca', name, options.issuer?.name ?? '', validity.notBefore.toISOString(), validity.notAfter.toISOString());
  setValidity(cert, validity);
  const subject = [
    { name: 'countryName', value: 'IT' },
    { name: 'organizationName', value: TEST_ORGANIZATION },
    { name: 'commonName', value: name },
  ];
  cert.setSubject(subject);
  cert.setIssuer(issuer?.subject ?? subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    ...(issuer ? [{ name: 'authorityKeyIdentifier', keyIdentifier: issuer.keyIdentifier }] : []),
  ]);
  return { name, key, ...signed(cert, issuer?.key ?? forgeKey) };
}

/** The second root of "a CA outside the bundle". */
export function createOtherTestCa(): TestCa {
  return createTestCa({ name: OTHER_TEST_CA_NAME });
}

/** CN as CNS cards carry it: codice fiscale, card serial and a base64 hash. */
function cnsCommonName(holder: Pick<CardHolder, 'codiceFiscale' | 'cardSerial'>): string {
  const hash = createHash('sha1').update(`${holder.codiceFiscale}/${holder.cardSerial}`).digest('base64');
  return `${holder.codiceFiscale}/${holder.cardSerial}.${hash}`;
}

function certificatePolicies(oid: string): forge.asn1.Asn1 {
  const { create, Class, Type, oidToDer } = forge.asn1;
  return create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    create(Class.UNIVERSAL, Type.SEQUENCE, true, [create(Class.UNIVERSAL, Type.OID, false, oidToDer(oid).getBytes())]),
  ]);
}

/** Fresh objects on every call: forge writes into the extensions it is given. */
const USES: Record<CertificateUse, { subject: (holder: CardHolder) => forge.pki.CertificateField[]; extensions: () => object[] }> = {
  authentication: {
    subject: () => [],
    extensions: () => [
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
      { id: '2.5.29.32', value: certificatePolicies(CNS_POLICY_OID) },
    ],
  },
  signature: {
    subject: (holder) => [{ type: '2.5.4.5', value: `TINIT-${holder.codiceFiscale}` }],
    extensions: () => [{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }],
  },
};

/** A citizen's certificate issued by `ca`: CNS-shaped, for the holder's card key unless given another. */
export function issueCitizenCertificate(ca: TestCa, options: IssueOptions = {}): IssuedCertificate {
  const holder: CardHolder = { ...TEST_HOLDER, ...options.holder };
  const useName = options.use ?? 'authentication';
  const use = USES[useName];
  const validity = options.validity ?? validFromYesterday(6);
  const key = options.key ?? cardKey(holder.cardSerial);
  const issuer = issuing(ca);
  const commonName = options.commonName ?? cnsCommonName(holder);
  const publicKey = publicOf(toForgeKey(key));
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  const when = [validity.notBefore.toISOString(), validity.notAfter.toISOString()];
  cert.serialNumber = serialNumber(ca.name, commonName, useName, ...when, holder.surname, holder.givenName, publicKey.n.toString(16));
  setValidity(cert, validity);
  cert.setSubject([
    { name: 'countryName', value: 'IT' },
    { name: 'organizationName', value: TEST_ORGANIZATION },
    { type: '2.5.4.4', value: holder.surname },
    { type: '2.5.4.42', value: holder.givenName },
    { type: '2.5.4.46', value: holder.cardSerial },
    ...use.subject(holder),
    { name: 'commonName', value: commonName },
  ]);
  cert.setIssuer(issuer.subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    ...use.extensions(),
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: issuer.keyIdentifier },
  ]);
  return { ...signed(cert, issuer.key), subjectCommonName: commonName, key };
}

export interface TlsServerCertificate {
  readonly certificatePem: string;
  readonly key: KeyObject;
}

/**
 * A TLS server certificate for `hosts` (IP addresses or DNS names), self-signed: a client trusts
 * it by adding this very certificate to its CAs (Node's `ca`, NODE_EXTRA_CA_CERTS), with no CA
 * of ours to trust besides it. With the default (fixed) validity it is the same certificate on
 * every call on this machine: a process started with NODE_EXTRA_CA_CERTS naming it trusts every
 * server started later with it.
 */
export function issueTlsServerCertificate(hosts: readonly string[], validity: Validity = CA_VALIDITY): TlsServerCertificate {
  const key = cachedRsaKey('tls-server');
  const forgeKey = toForgeKey(key);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicOf(forgeKey);
  cert.serialNumber = serialNumber('tls-server', ...hosts, validity.notBefore.toISOString(), validity.notAfter.toISOString());
  setValidity(cert, validity);
  const subject = [
    { name: 'countryName', value: 'IT' },
    { name: 'organizationName', value: TEST_ORGANIZATION },
    { name: 'commonName', value: hosts[0] ?? 'localhost' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  const isIp = (h: string) => /^[\d.]+$/.test(h) || h.includes(':');
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: hosts.map((h) => (isIp(h) ? { type: 7, ip: h } : { type: 2, value: h })) },
    { name: 'subjectKeyIdentifier' },
  ]);
  return { certificatePem: signed(cert, forgeKey).certificatePem, key };
}
