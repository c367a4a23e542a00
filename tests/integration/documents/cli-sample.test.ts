/**
 * `npm run documents -- sample <dir>` end to end: the demo pratica signed by the
 * virtual CNS in a rig reader through OpenSC, every file written and checked with the
 * standard tools a comune would use.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot } from '../../rig/vpcd-slots';
import { CONFIGURAZIONE_OPENSC } from '../../fixtures/documents/carta-virtuale';
import { cartellaTemporanea, esegui, pdfinfo, pdftotext, SCHEMA_SEGNATURA_60_2013, xmllint } from '../../fixtures/documents/strumenti';

const cartella = cartellaTemporanea();
afterAll(() => cartella.elimina());

const CLI = join(__dirname, '..', '..', '..', 'electron', 'cli', 'documents.ts');

describe('documents sample CLI', () => {
  it('writes the documents of the demo pratica signed by the virtual CNS, all verifiable', async () => {
    await startPcscd();
    const slot = acquireSlot();
    let uscita: string;
    try {
      const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, 'sample', cartella.percorso, '--porta', String(slot.port), '--lettore', slot.readerName], {
        env: { ...process.env, OPENSC_CONF: CONFIGURAZIONE_OPENSC },
        timeout: 120_000,
      });
      uscita = r.stdout + r.stderr;
    } finally {
      slot.release();
    }
    expect(uscita).toContain(`Modulo firmato con la CNS virtuale nel lettore vpcd sulla porta ${slot.port}`);
    const f = (nome: string) => join(cartella.percorso, nome);
    for (const nome of ['modulo.pdf', 'modulo.pdf.p7m', 'faldone.xml', 'faldone.xsd', 'segnatura.xml', 'ricevuta.pdf', 'ricevuta-80mm.pdf', 'ca.pem']) {
      expect(existsSync(f(nome)), nome).toBe(true);
    }
    const v = esegui('openssl', ['cms', '-verify', '-purpose', 'any', '-binary', '-inform', 'DER', '-in', f('modulo.pdf.p7m'), '-CAfile', f('ca.pem'), '-out', f('estratto.pdf')]);
    expect(v.stderr).toContain('Verification successful');
    expect(readFileSync(f('estratto.pdf')).equals(readFileSync(f('modulo.pdf')))).toBe(true);
    expect(xmllint(f('faldone.xsd'), f('faldone.xml')).valido).toBe(true);
    expect(xmllint(SCHEMA_SEGNATURA_60_2013, f('segnatura.xml')).valido).toBe(true);
    for (const pdf of ['modulo.pdf', 'ricevuta.pdf', 'ricevuta-80mm.pdf']) expect(Number(pdfinfo(f(pdf)).Pages)).toBeGreaterThanOrEqual(1);
    expect(pdftotext(f('ricevuta-80mm.pdf'))).toContain('RSSMRA80A01H501U');
  }, 180_000);
});
