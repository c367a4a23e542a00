/**
 * A file is written before the row that names it and removed after the commit that drops the
 * row: a crash in between leaves a file no row names (on a kiosk, a citizen's document that no
 * purge would ever find). At start every such file goes; whatever a row names stays.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/composition/core';
import { configSchema } from '../../../electron/core/config/schema';
import { silentLogger } from '../../../electron/core/log/logger';
import { openDatabase } from '../../../electron/core/store/database';
import { contenutiCitati, rimuoviFileOrfani } from '../../../electron/core/store/file-orfani';
import { sha256Of } from '../../../electron/core/store/blob-store';
import { pdfA } from '../../support/allegati';
import { filesOf, locationOf } from '../../support/database-location';
import { createdPratica } from '../../support/created-pratica';
import { valueOf } from '../../support/sportello';
import { ANNA, createHarness } from '../pratiche/harness';

const CERTIFICATO = Buffer.from('%PDF-1.7\nCertificato medico di Sofia Rossi\n%%EOF\n');
const ESITO = Buffer.from('%PDF-1.7\nEsito della pratica di Anna\n%%EOF\n');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('stored files no row names', () => {
  it('reads every SHA-256 written anywhere in the database: any table, inside JSON, in capitals', () => {
    const db = openDatabase(':memory:');
    const a = sha256Of(CERTIFICATO);
    const b = sha256Of(ESITO);
    db.exec('CREATE TABLE una_tabella_futura (riferimento TEXT, numero INTEGER)');
    db.prepare('INSERT INTO una_tabella_futura VALUES (?, 1)').run(JSON.stringify({ files: [{ sha256: b.toUpperCase() }] }));
    db.prepare('INSERT INTO una_tabella_futura VALUES (?, 2)').run(a);
    db.prepare('INSERT INTO una_tabella_futura VALUES (?, 3)').run('breve');
    expect([...contenutiCitati(db)].sort()).toEqual([a, b].sort());
    db.close();
  });

  it("removes the file a crash left and the temporary file of a write cut short; keeps the attachment a draft names and anything not the store's", async () => {
    const h = createHarness();
    h.as(ANNA);
    await valueOf(h.api.pratiche.acceptTerms({ tenant: 'comune-alfa', version: '2026-01' }));
    await valueOf(h.api.pratiche.updateProfile({ email: 'anna@example.it', phone: null, address: null }));
    const { id } = await createdPratica(h.api.pratiche.start({ tenant: 'comune-alfa', service: 'iscrizione-mensa-scolastica' }));
    const isee = Buffer.from(await pdfA());
    await valueOf(h.api.pratiche['attachments.add']({ id, slot: 'isee', name: 'isee.pdf', contentBase64: isee.toString('base64') }));
    h.area.close();
    dirs.push(h.dataDir);

    const files = filesOf(h.dataDir);
    // The crash: the file was written, the row naming it never committed.
    const orfano = files.allegati.put(CERTIFICATO);
    const esitoOrfano = files.esiti.put(ESITO);
    const temporaneo = `${files.allegati.pathOf(sha256Of(ESITO))}.4242.tmp`;
    writeFileSync(temporaneo, 'a half-written file');
    const estraneo = join(h.dataDir, 'allegati', 'LEGGIMI.txt');
    writeFileSync(estraneo, 'not a stored file');

    const db = openDatabase(locationOf(h.dataDir));
    try {
      expect(rimuoviFileOrfani(db, files)).toEqual({ allegati: 2, esiti: 1 });
    } finally {
      db.close();
    }
    expect(files.allegati.has(orfano)).toBe(false);
    expect(files.esiti.has(esitoOrfano)).toBe(false);
    expect(existsSync(temporaneo)).toBe(false);
    expect(existsSync(estraneo)).toBe(true);
    expect(files.allegati.read(sha256Of(isee)).equals(isee)).toBe(true);
  });

  it('the app sweeps at start, before anything writes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sportello-orfani-'));
    dirs.push(dataDir);
    const start = () => createCore({ config: configSchema.parse({ mode: 'kiosk' }), log: silentLogger, version: 'test', dataDir });
    await (await start()).dispose();
    const orfano = filesOf(dataDir).allegati.put(CERTIFICATO);
    expect(filesOf(dataDir).allegati.has(orfano)).toBe(true);
    await (await start()).dispose();
    expect(filesOf(dataDir).allegati.has(orfano)).toBe(false);
  });
});
