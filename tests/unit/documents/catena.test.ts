/**
 * Chains as real CNS certificates have them (root, issuing CA, citizen): trusted
 * through intermediates carried in the signature or listed in the bundle, and refused
 * when a link is missing or a certificate is outside its validity.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificatiDaPem } from '../../../electron/core/pki/certificati';
import { signModulo } from '../../../electron/core/documents/cades/firma';
import { verificaP7m } from '../../../electron/core/documents/cades/verifica';
import { createTestCa, type IssuedCertificate, type TestCa } from '../../../native/test-pki';
import { firmatarioSoftware } from '../../../electron/adapters/demo/firmatario-software';
import { firmaDiMario } from '../../fixtures/documents/pki';
import { ISTANTE, orologio } from '../../fixtures/documents/pratica';
import { cartellaTemporanea, esegui } from '../../fixtures/documents/strumenti';

let radice: TestCa;
let intermedia: TestCa;
let cittadino: IssuedCertificate;
const documento = new TextEncoder().encode('%PDF-1.7 istanza');

beforeAll(() => {
  radice = createTestCa({ name: 'Sportello TEST radice - NON VALIDA' });
  intermedia = createTestCa({ name: 'Sportello TEST CA emittente CNS - NON VALIDA', issuer: radice });
  cittadino = firmaDiMario(intermedia, '2024-01-01', '2034-01-01');
});

describe('certificate chain', () => {
  it('is trusted through an intermediate listed in the bundle, and refused without it', async () => {
    const p7m = await signModulo(documento, firmatarioSoftware(cittadino.certificateDer, cittadino.key), orologio);
    expect(verificaP7m(p7m, { fidati: certificatiDaPem(radice.certificatePem + intermedia.certificatePem), al: ISTANTE }).valida).toBe(true);
    expect(verificaP7m(p7m, { fidati: certificatiDaPem(radice.certificatePem), al: ISTANTE }).firmatari[0]?.esito).toBe('certificato-non-attendibile');
  });

  it('is trusted through an intermediate carried inside the signature (as OpenSSL -certfile puts it)', () => {
    const cartella = cartellaTemporanea();
    try {
      const p = (n: string) => `${cartella.percorso}/${n}`;
      cartella.scrivi('doc.pdf', documento);
      cartella.scrivi('firmatario.pem', cittadino.certificatePem);
      cartella.scrivi('chiave.pem', cittadino.key.export({ type: 'pkcs8', format: 'pem' }));
      cartella.scrivi('intermedia.pem', intermedia.certificatePem);
      const r = esegui('openssl', ['cms', '-sign', '-cades', '-nodetach', '-binary', '-md', 'sha256', '-outform', 'DER', '-in', p('doc.pdf'), '-signer', p('firmatario.pem'), '-inkey', p('chiave.pem'), '-certfile', p('intermedia.pem'), '-out', p('doc.p7m')]);
      expect(r.status, r.stderr).toBe(0);
      const esito = verificaP7m(readFileSync(p('doc.p7m')), { fidati: certificatiDaPem(radice.certificatePem), al: ISTANTE });
      expect(esito.valida).toBe(true);
      expect(Buffer.from(esito.contenuto).equals(Buffer.from(documento))).toBe(true);
    } finally {
      cartella.elimina();
    }
  });

  it('refuses a certificate not yet valid at the time of verification', async () => {
    const futuro = firmaDiMario(radice, '2030-01-01', '2040-01-01');
    const p7m = await signModulo(documento, firmatarioSoftware(futuro.certificateDer, futuro.key), orologio);
    expect(verificaP7m(p7m, { fidati: certificatiDaPem(radice.certificatePem), al: ISTANTE }).firmatari[0]?.esito).toBe('certificato-non-ancora-valido');
  });

  it('refuses a chain whose CA has expired', async () => {
    const vecchia = createTestCa({ name: 'Sportello TEST CA scaduta - NON VALIDA', validity: { notBefore: new Date('2010-01-01'), notAfter: new Date('2020-01-01') } });
    const titolare = firmaDiMario(vecchia, '2024-01-01', '2034-01-01');
    const p7m = await signModulo(documento, firmatarioSoftware(titolare.certificateDer, titolare.key), orologio);
    expect(verificaP7m(p7m, { fidati: certificatiDaPem(vecchia.certificatePem), al: ISTANTE }).firmatari[0]?.esito).toBe('certificato-scaduto');
  });

  it('ignores what is not a certificate in the bundle file', () => {
    expect(certificatiDaPem(`commento\n${radice.certificatePem}\naltro testo`)).toHaveLength(1);
  });
});
