import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogueDirectory } from '../../../electron/core/catalogue/read-directory';
import { ANNA, createHarness, FIXTURES, type Harness } from '../pratiche/harness';
import { errorOf, valueOf } from '../../support/sportello';

describe('catalogue calls through the contract', () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness();
  });
  afterAll(() => h.close());

  it('answers list, search, get and form, and refuses bad input', async () => {
    expect((await valueOf(h.api.catalogue.tenants({}))).map((t) => t.slug)).toEqual(['comune-alfa', 'comune-beta']);
    expect((await valueOf(h.api.catalogue.search({ tenant: 'comune-alfa', query: 'mensa' })))[0]?.slug).toBe('iscrizione-mensa-scolastica');
    expect((await valueOf(h.api.catalogue.form({ tenant: 'comune-alfa', formId: 'trasporto' }))).unsupported).toEqual([{ path: 'orari.firma', type: 'signaturepad3000' }]);
    expect((await errorOf(h.api.catalogue.search({ tenant: 'comune-alfa', query: 'x'.repeat(201) }))).code).toBe('input-non-valido');
    expect((await errorOf(h.api.catalogue.search({ tenant: 'comune-alfa', query: 'x', limit: 1000 }))).code).toBe('input-non-valido');
    expect((await errorOf(h.api.catalogue.get({ tenant: '../etc', service: 'x' }))).code).toBe('input-non-valido');
    expect((await errorOf(h.api.catalogue.form({ tenant: 'comune-alfa', formId: '../../x' }))).code).toBe('input-non-valido');
    expect((await errorOf(h.api.catalogue.get({ tenant: 'comune-alfa', service: 'inesistente' }))).code).toBe('servizio-sconosciuto');
  });

  it('refuses to start a pratica whose forms are not available offline (nested-form cycle)', async () => {
    h.as(ANNA);
    await valueOf(h.api.pratiche.acceptTerms({ tenant: 'comune-alfa', version: '2026-01' }));
    const e = await errorOf(h.api.pratiche.start({ tenant: 'comune-alfa', service: 'certificato-nascita' }));
    expect(e.code).toBe('servizio-non-disponibile');
    expect(e.message).toMatch(/non sono disponibili su questa postazione/);
  });
});

describe('catalogue directory with bad files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sportello-bad-catalogue-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const copy = () => {
    const d = mkdtempSync(join(dir, 'c-'));
    cpSync(join(FIXTURES, 'comune-alfa'), d, { recursive: true });
    return d;
  };

  it('names the broken file: malformed JSON, wrong field types, mismatched slug', () => {
    let d = copy();
    writeFileSync(join(d, 'services', 'trasporto-scolastico.json'), '{"id": ');
    expect(() => readCatalogueDirectory(d)).toThrow(/trasporto-scolastico.json non è JSON leggibile/);
    d = copy();
    writeFileSync(join(d, 'services', 'trasporto-scolastico.json'), JSON.stringify({ id: 'x', name: 'T', slug: 'trasporto-scolastico', status: 'uno' }));
    expect(() => readCatalogueDirectory(d)).toThrow(/trasporto-scolastico.json non è valido \(status/);
    d = copy();
    writeFileSync(join(d, 'services', 'trasporto-scolastico.json'), JSON.stringify({ id: 'x', name: 'T', slug: 'altro', status: 1 }));
    expect(() => readCatalogueDirectory(d)).toThrow(/ha slug "altro"/);
    d = copy();
    writeFileSync(join(d, 'tenant.json'), JSON.stringify({ id: 'x', slug: 'Comune Con Spazi', name: 'X' }));
    expect(() => readCatalogueDirectory(d)).toThrow(/tenant.json non è valido/);
  });

  it('keeps going without a broken or huge form, reporting it', () => {
    const d = copy();
    writeFileSync(join(d, 'forms', 'semplice.json'), '{"_id": "semplice", "components": [');
    writeFileSync(join(d, 'forms', 'enorme.json'), JSON.stringify({ _id: 'enorme', components: [{ type: 'content', key: 'c', html: 'x'.repeat(2_100_000) }] }));
    const read = readCatalogueDirectory(d);
    expect(read.formProblems.map((p) => p.formId).sort()).toEqual(['enorme', 'semplice']);
    expect(read.forms.map((f) => f._id)).not.toContain('semplice');
  });
});
