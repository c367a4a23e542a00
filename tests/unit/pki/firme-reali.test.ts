/**
 * Real qualified signatures (the portal's own test files, InfoCert and Aruba
 * certificates, tests/fixtures/firme-reali) judged with the CA list shipped with the
 * app: valid signatures made while the certificate was valid, with the signer named;
 * a flipped byte and an unknown CA each get their own verdict, the signer still shown.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { verificaP7m } from '../../../electron/core/documents/cades/verifica';
import { certificatiDaPem } from '../../../electron/core/pki/certificati';
import { caItaliane } from '../../../electron/core/pki/fiducia';
import { createTestCa } from '../../../native/test-pki';

const CARTELLA = join(__dirname, '../../fixtures/firme-reali');
const OGGI = new Date('2026-12-02T10:00:00Z');
const leggi = (nome: string) => new Uint8Array(readFileSync(join(CARTELLA, nome)));

const CASI = [
  { file: 'AttoFirmatoDiProva.pdf.p7m', nome: 'FRANCESCO TREGNAGHI', cf: 'TRGFNC61L12E512S', firmatoIl: '2013-12-16T11:41:27.000Z', scaduto: '27/03/2016', emittente: 'InfoCert Firma Qualificata' },
  { file: 'SCIA.pdf.p7m', nome: 'Stefano Dalla Torre', cf: 'DLLSFN65A20L378E', firmatoIl: '2017-09-05T08:03:58.000Z', scaduto: '28/01/2020', emittente: 'ArubaPEC S.p.A. NG CA 3' },
  { file: 'Allegato A - Elenco altri soggetti aventi titolo.pdf.p7m', nome: 'Stefano Dalla Torre', cf: 'DLLSFN65A20L378E', firmatoIl: '2017-09-05T08:04:41.000Z', scaduto: '28/01/2020', emittente: 'ArubaPEC S.p.A. NG CA 3' },
];

describe('real signed files with the shipped CA list', () => {
  for (const caso of CASI) {
    it(`${caso.file}: valid, signed while the certificate was valid, signer named`, () => {
      const esito = verificaP7m(leggi(caso.file), { fidati: caItaliane(), al: OGGI });
      expect(esito.valida).toBe(true);
      expect(Buffer.from(esito.contenuto.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(esito.firmatari).toHaveLength(1);
      const [f] = esito.firmatari;
      expect(f).toMatchObject({ nome: caso.nome, codiceFiscale: caso.cf, esito: 'valida', attendibile: true, validoAllaFirma: true, validoOggi: false, fonteOra: 'dichiarata-dal-firmatario', revoca: 'non-verificata' });
      expect(f?.firmatoIl?.toISOString()).toBe(caso.firmatoIl);
      expect(f?.emittente).toContain(caso.emittente);
      expect(f?.messaggio).toMatch(new RegExp(`^Firma valida, apposta il \\d\\d/\\d\\d/\\d{4} quando il certificato era valido; certificato scaduto il ${caso.scaduto}\\.$`));
    });
  }

  it('a byte flipped in the signed document is "contenuto alterato", with the signer still shown', () => {
    const file = leggi('AttoFirmatoDiProva.pdf.p7m');
    const inizio = Buffer.from(file).indexOf('%PDF-');
    expect(inizio).toBeGreaterThan(0);
    const alterato = new Uint8Array(file);
    alterato[inizio + 200] = alterato[inizio + 200]! ^ 0x01;
    const esito = verificaP7m(alterato, { fidati: caItaliane(), al: OGGI });
    expect(esito.valida).toBe(false);
    expect(esito.firmatari[0]).toMatchObject({ esito: 'contenuto-alterato', nome: 'FRANCESCO TREGNAGHI', codiceFiscale: 'TRGFNC61L12E512S' });
    expect(esito.firmatari[0]?.messaggio).toMatch(/^Contenuto alterato/);
  });

  it('an unknown CA is "non attendibile", with the signer and the content still returned', () => {
    const esito = verificaP7m(leggi('SCIA.pdf.p7m'), { fidati: certificatiDaPem(createTestCa().certificatePem), al: OGGI });
    expect(esito.valida).toBe(false);
    expect(esito.firmatari[0]).toMatchObject({ esito: 'certificato-non-attendibile', attendibile: false, nome: 'Stefano Dalla Torre', codiceFiscale: 'DLLSFN65A20L378E' });
    expect(esito.firmatari[0]?.messaggio).toContain('non è tra le autorità di certificazione riconosciute');
    expect(esito.contenuto.length).toBeGreaterThan(100_000);
  });

  it('npm run documents -- verifica prints the verdict and exits 0 only for a valid signature', () => {
    const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
    const cli = join(__dirname, '../../../electron/cli/documents.ts');
    const valida = spawnSync(tsx, [cli, 'verifica', join(CARTELLA, 'SCIA.pdf.p7m')], { encoding: 'utf8' });
    expect(valida.status, valida.stderr).toBe(0);
    expect(valida.stdout).toContain('Firmatario 1: Stefano Dalla Torre, codice fiscale DLLSFN65A20L378E');
    expect(valida.stdout).toContain('quando il certificato era valido; certificato scaduto il 28/01/2020');
    expect(valida.stdout).toContain('Revoca del certificato: non verificata');
    const cartella = mkdtempSync(join(tmpdir(), 'sportello-verifica-'));
    try {
      const ca = join(cartella, 'ca.pem');
      writeFileSync(ca, createTestCa().certificatePem);
      const estranea = spawnSync(tsx, [cli, 'verifica', join(CARTELLA, 'SCIA.pdf.p7m'), '--ca', ca, '--solo-ca'], { encoding: 'utf8' });
      expect(estranea.status).toBe(1);
      expect(estranea.stdout).toContain('Firma non attendibile: il certificato è stato emesso da ArubaPEC S.p.A. NG CA 3');
      const illeggibile = spawnSync(tsx, [cli, 'verifica', join(CARTELLA, 'SCIA.pdf.p7m'), '--ca', join(CARTELLA, 'README.md'), '--solo-ca'], { encoding: 'utf8' });
      expect(illeggibile.status).toBe(1);
      expect(illeggibile.stderr).toContain('non si legge o non contiene certificati');
    } finally {
      rmSync(cartella, { recursive: true, force: true });
    }
  }, 60_000);
});
