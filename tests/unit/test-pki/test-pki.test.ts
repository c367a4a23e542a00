import { execFileSync, spawnSync } from 'node:child_process';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caItaliane, caricaFiducia } from '../../../electron/core/pki/fiducia';
import { fiduciaCarta } from '../../../electron/core/pki/fiducia-carta';
import { createCnsCard } from '../../../native/virtual-card';
import {
  CNS_POLICY_OID,
  TEST_CA_NAME,
  TEST_HOLDER,
  cardKey,
  createOtherTestCa,
  createTestCa,
  issueCitizenCertificate,
} from '../../../native/test-pki';

const dir = mkdtempSync(join(tmpdir(), 'sportello-test-pki-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, { mode: 0o600 });
  return path;
}

/** openssl verify's last line: "<file>: OK" or its error. */
function opensslVerify(ca: string, certificate: string, ...extra: string[]): string {
  const r = spawnSync('openssl', ['verify', '-CAfile', ca, ...extra, certificate], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.trim();
}

const text = (certificate: string) => execFileSync('openssl', ['x509', '-in', certificate, '-noout', '-text'], { encoding: 'utf8' });

describe('test PKI', () => {
  const ca = createTestCa();
  const caFile = file('ca.pem', ca.certificatePem);

  it('issues a CNS authentication certificate that openssl verifies against the test CA', () => {
    const holder = { codiceFiscale: 'VRDGPP80A01F205X', cardSerial: '1111222233334444', surname: 'VERDI', givenName: 'GIUSEPPE' };
    const card = file('auth.pem', issueCitizenCertificate(ca, { holder }).certificatePem);
    expect(opensslVerify(caFile, card)).toBe(`${card}: OK`);
    const dump = text(card);
    expect(dump).toContain(`Policy: ${CNS_POLICY_OID}`);
    expect(dump).toMatch(/CN = VRDGPP80A01F205X\/1111222233334444\.[A-Za-z0-9+/]{27}=/);
    expect(dump).toContain('SN = VERDI, GN = GIUSEPPE');
    expect(dump).toContain('Digital Signature, Key Encipherment');
    expect(dump).toContain('TLS Web Client Authentication');
  });

  it('issues for the card key of the serial: the virtual CNS with that serial holds the same key', () => {
    const issued = issueCitizenCertificate(ca);
    const fromCert = new X509Certificate(issued.certificatePem).publicKey.export({ type: 'spki', format: 'pem' });
    expect(createPublicKey(issued.key).export({ type: 'spki', format: 'pem' })).toBe(fromCert);
    expect(createPublicKey(cardKey(TEST_HOLDER.cardSerial)).export({ type: 'spki', format: 'pem' })).toBe(fromCert);
    expect(createCnsCard().publicKeyPem).toBe(fromCert);
  });

  it('issues a signing certificate: non-repudiation, the codice fiscale in serialNumber and CN', () => {
    const signing = file('firma.pem', issueCitizenCertificate(ca, { use: 'signature' }).certificatePem);
    expect(opensslVerify(caFile, signing)).toBe(`${signing}: OK`);
    const dump = text(signing);
    expect(dump).toContain('Digital Signature, Non Repudiation');
    expect(dump).toContain(`serialNumber = TINIT-${TEST_HOLDER.codiceFiscale}`);
    expect(dump).toMatch(new RegExp(`CN = "?${TEST_HOLDER.codiceFiscale}/${TEST_HOLDER.cardSerial}\\.`));
    expect(dump).not.toContain(CNS_POLICY_OID);
  });

  it('chains through an intermediate, which the verifier needs', () => {
    const root = createTestCa({ name: 'Sportello TEST radice - NON VALIDA' });
    const issuing = createTestCa({ name: 'Sportello TEST CA emittente - NON VALIDA', issuer: root });
    const card = file('catena.pem', issueCitizenCertificate(issuing).certificatePem);
    const rootFile = file('radice.pem', root.certificatePem);
    expect(opensslVerify(rootFile, card, '-untrusted', file('intermedia.pem', issuing.certificatePem))).toBe(`${card}: OK`);
    expect(opensslVerify(rootFile, card)).toMatch(/unable to get local issuer certificate/);
  });

  it('issues with the validity asked: expired and not yet valid certificates are real ones', () => {
    const expired = file('scaduto.pem', issueCitizenCertificate(ca, { validity: { notBefore: new Date('2020-01-01Z'), notAfter: new Date('2023-01-01Z') } }).certificatePem);
    expect(opensslVerify(caFile, expired)).toMatch(/certificate has expired/);
    const future = new X509Certificate(issueCitizenCertificate(ca, { validity: { notBefore: new Date('2040-01-01Z'), notAfter: new Date('2041-01-01Z') } }).certificatePem);
    expect(new Date(future.validFrom).toISOString()).toBe('2040-01-01T00:00:00.000Z');
    const oldCa = createTestCa({ name: 'Sportello TEST CA scaduta - NON VALIDA', validity: { notBefore: new Date('2010-01-01Z'), notAfter: new Date('2020-01-01Z') } });
    expect(new Date(new X509Certificate(oldCa.certificatePem).validTo).toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('has a second CA of its own name and key, which does not vouch for the first one\'s certificates', () => {
    const other = createOtherTestCa();
    expect(other.name).not.toBe(ca.name);
    expect(createPublicKey(other.key).export({ type: 'spki', format: 'pem' })).not.toBe(createPublicKey(ca.key).export({ type: 'spki', format: 'pem' }));
    const stranger = file('estraneo.pem', issueCitizenCertificate(other).certificatePem);
    expect(opensslVerify(caFile, stranger)).not.toMatch(/: OK$/);
  });

  it('is the same CA on every call (cached key, same name), and is trusted nowhere by default', () => {
    expect(ca.name).toBe(TEST_CA_NAME);
    expect(createTestCa().certificatePem).toBe(ca.certificatePem);
    for (const name of [ca.name, createOtherTestCa().name]) expect(new X509Certificate(createTestCa({ name }).certificatePem).subject).toContain('O=Sportello TEST ONLY');
    const shipped = caItaliane().map((c) => c.publicKey.export({ type: 'spki', format: 'pem' }));
    expect(shipped).not.toContain(createPublicKey(ca.key).export({ type: 'spki', format: 'pem' }));
    const byDefault = fiduciaCarta(caricaFiducia({ caBundlePath: null, caBundleMode: 'add' }), () => new Date());
    expect(byDefault(issueCitizenCertificate(ca).certificateDer)).toBe(false);
  });
});
