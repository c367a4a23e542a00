import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from '../../../electron/core/config/schema';
import { signModulo } from '../../../electron/core/documents/cades/firma';
import { firmatarioSoftware } from '../../../electron/adapters/demo/firmatario-software';
import { creaAllegatoDemo } from '../../../electron/adapters/demo/allegato-demo';
import { documentsHandlers } from '../../../electron/core/documents/handlers';
import { documentsCalls } from '../../../electron/shared/contract/documents';
import { ISTANTE, orologio } from '../../fixtures/documents/pratica';
import { pkiDiProva, type PkiDiProva } from '../../fixtures/documents/pki';
import { cartellaTemporanea } from '../../fixtures/documents/strumenti';

const FIRME_REALI = join(__dirname, '../../fixtures/firme-reali');
const contesto = { transport: 'test' as const, clientId: 'test' };
let pki: PkiDiProva;
let pdf: Uint8Array;
let p7mBase64: string;

beforeAll(async () => {
  pki = pkiDiProva();
  pdf = await creaAllegatoDemo('Esito', ['Domanda accolta.'], ISTANTE);
  p7mBase64 = Buffer.from(await signModulo(pdf, firmatarioSoftware(pki.valido.certificateDer, pki.valido.key), orologio)).toString('base64');
});

describe('documents handlers', () => {
  it('open a signed outcome file against the configured CA bundle', async () => {
    const cartella = cartellaTemporanea();
    try {
      const h = documentsHandlers({ config: { ...DEMO_CONFIG, caBundlePath: cartella.scrivi('ca.pem', pki.ca.certificatePem) }, clock: orologio });
      const esito = await h['documents.verificaFirma']({ p7mBase64 }, contesto);
      expect(Buffer.from(esito.contenutoBase64, 'base64').equals(Buffer.from(pdf))).toBe(true);
      expect(esito.firmatari[0]).toMatchObject({ codiceFiscale: 'RSSMRA80A01H501U', firmatoIl: ISTANTE.toISOString() });
      expect(() => documentsCalls['documents.verificaFirma'].output.parse(esito)).not.toThrow();
    } finally {
      cartella.elimina();
    }
  });

  it('judge signatures with the shipped Italian CAs by default: a real InfoCert signature valid, ours not trusted', async () => {
    const predefinito = documentsHandlers({ config: DEMO_CONFIG, clock: orologio });
    const reale = readFileSync(join(FIRME_REALI, 'AttoFirmatoDiProva.pdf.p7m')).toString('base64');
    const esito = await predefinito['documents.verificaFirma']({ p7mBase64: reale }, contesto);
    expect(esito.valida).toBe(true);
    expect(esito.firmatari[0]).toMatchObject({ codiceFiscale: 'TRGFNC61L12E512S', esito: 'valida', validoAllaFirma: true, validoOggi: false });
    const nostra = await predefinito['documents.verificaFirma']({ p7mBase64 }, contesto);
    expect(nostra).toMatchObject({ valida: false, firmatari: [{ esito: 'certificato-non-attendibile', codiceFiscale: 'RSSMRA80A01H501U' }] });
    expect(nostra.contenutoBase64.length).toBeGreaterThan(0);
  });

  it('refuse an unreadable configured CA file, and replace the shipped list when asked', async () => {
    const illeggibile = documentsHandlers({ config: { ...DEMO_CONFIG, caBundlePath: '/non/esiste/ca.pem' }, clock: orologio });
    await expect(illeggibile['documents.verificaFirma']({ p7mBase64 }, contesto)).rejects.toMatchObject({ code: 'configurazione-non-valida' });
    const cartella = cartellaTemporanea();
    try {
      const solo = documentsHandlers({ config: { ...DEMO_CONFIG, caBundlePath: cartella.scrivi('ca.pem', pki.ca.certificatePem), caBundleMode: 'replace' }, clock: orologio });
      const reale = readFileSync(join(FIRME_REALI, 'SCIA.pdf.p7m')).toString('base64');
      expect((await solo['documents.verificaFirma']({ p7mBase64: reale }, contesto)).firmatari[0]?.esito).toBe('certificato-non-attendibile');
      expect((await solo['documents.verificaFirma']({ p7mBase64 }, contesto)).valida).toBe(true);
    } finally {
      cartella.elimina();
    }
  });

  it('reject inputs that are not Base64 at the boundary', () => {
    expect(documentsCalls['documents.verificaFirma'].input.safeParse({ p7mBase64: 'non è base64!' }).success).toBe(false);
  });
});
