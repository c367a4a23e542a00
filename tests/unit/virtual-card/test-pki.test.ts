import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTestPki, type TestPkiFiles } from '../../fixtures/pki';
import { CNS_POLICY_OID } from '../../../native/virtual-card/test-pki';

describe('test PKI', () => {
  let pki: TestPkiFiles | undefined;
  afterEach(() => {
    if (pki) rmSync(pki.dir, { recursive: true, force: true });
  });

  it('issues a CNS authentication certificate that openssl verifies against the test CA', () => {
    pki = writeTestPki({ codiceFiscale: 'VRDGPP80A01F205X', cardSerial: '1111222233334444', surname: 'VERDI', givenName: 'GIUSEPPE' });
    const verify = execFileSync('openssl', ['verify', '-CAfile', pki.caCertificate, pki.cardCertificate], { encoding: 'utf8' });
    expect(verify.trim()).toBe(`${pki.cardCertificate}: OK`);
    const text = execFileSync('openssl', ['x509', '-in', pki.cardCertificate, '-noout', '-text'], { encoding: 'utf8' });
    expect(text).toContain(`Policy: ${CNS_POLICY_OID}`);
    expect(text).toMatch(/CN = VRDGPP80A01F205X\/1111222233334444\.[A-Za-z0-9+/]{27}=/);
    expect(text).toContain('Digital Signature, Key Encipherment');
    expect(text).toContain('TLS Web Client Authentication');
  });

  it('writes a private key that matches the certificate', () => {
    pki = writeTestPki();
    const fromCert = execFileSync('openssl', ['x509', '-in', pki.cardCertificate, '-noout', '-pubkey'], { encoding: 'utf8' });
    const fromKey = execFileSync('openssl', ['pkey', '-in', pki.cardPrivateKey, '-pubout'], { encoding: 'utf8' });
    expect(fromKey).toBe(fromCert);
  });
});
