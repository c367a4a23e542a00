import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogue } from '../../../electron/core/catalogue/catalogue';
import { importCatalogue } from '../../../electron/core/catalogue/import';
import { readCatalogueDirectory } from '../../../electron/core/catalogue/read-directory';
import { createCatalogueRepo } from '../../../electron/core/catalogue/catalogue-repo';
import { openDatabase, type Db } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';

const FIXTURES = join(__dirname, '../../fixtures/catalogue');
const clock = { now: () => new Date('2026-11-24T08:00:00Z') };

describe('catalogue imported from a directory into a real database file', () => {
  let dir: string;
  let db: Db;
  let catalogue: ReturnType<typeof createCatalogue>;
  let report: ReturnType<typeof importCatalogue>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sportello-catalogue-'));
    db = openDatabase(locationOf(dir));
    const repo = createCatalogueRepo(db);
    const alfa = readCatalogueDirectory(join(FIXTURES, 'comune-alfa'));
    report = importCatalogue(repo, alfa, clock);
    importCatalogue(repo, readCatalogueDirectory(join(FIXTURES, 'comune-beta')), clock);
    catalogue = createCatalogue(repo);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the forms it could not resolve and the unsupported components', () => {
    expect(report.services).toBe(5);
    expect(report.problems.map((p) => p.formId).sort()).toEqual(['ciclo-b', 'con-ciclo']);
    expect(report.problems[0]!.message).toMatch(/contiene se stesso/);
    expect(report.unsupported).toEqual([{ formId: 'trasporto', path: 'orari.firma', type: 'signaturepad3000' }]);
  });

  it('keeps comuni isolated', () => {
    expect(catalogue.tenants().map((t) => t.slug)).toEqual(['comune-alfa', 'comune-beta']);
    expect(catalogue.get('comune-beta', 'iscrizione-mensa-scolastica').name).toBe('Mensa di Beta');
    expect(catalogue.get('comune-alfa', 'iscrizione-mensa-scolastica').name).toBe('Iscrizione alla mensa scolastica');
    expect(catalogue.list('comune-beta').map((s) => s.slug)).toEqual(['iscrizione-mensa-scolastica']);
    expect(() => catalogue.form('comune-beta', 'anagrafica')).toThrow(/non è disponibile/);
    expect(catalogue.search('comune-beta', 'trasporto')).toEqual([]);
    expect(() => catalogue.list('comune-gamma')).toThrow(/non è nel catalogo/);
  });

  it('lists published services only, by topic and audience', () => {
    const all = catalogue.list('comune-alfa').map((s) => s.slug);
    expect(all).not.toContain('servizio-nascosto');
    expect(all).toHaveLength(4);
    expect(catalogue.list('comune-alfa', { topic: 'educazione-e-formazione' }).map((s) => s.slug).sort()).toEqual([
      'iscrizione-mensa-scolastica',
      'trasporto-scolastico',
    ]);
    expect(catalogue.list('comune-alfa', { audience: 'genitori' }).map((s) => s.slug)).toEqual(['iscrizione-mensa-scolastica']);
    expect(() => catalogue.get('comune-alfa', 'servizio-nascosto')).toThrow(/non è disponibile/);
  });

  it('shows a service page with portal fields, similar services, FAQ and scadenze', () => {
    const mensa = catalogue.get('comune-alfa', 'iscrizione-mensa-scolastica');
    expect(mensa.texts.costs).toMatch(/Tariffa/);
    expect(mensa.maxResponseTimeDays).toBe(30);
    expect(mensa.similar.map((s) => s.slug)).toEqual(['trasporto-scolastico']);
    expect(mensa.faq[0]!.question).toMatch(/Quanto costa/);
    expect(mensa.scadenze).toEqual([{ title: 'Chiusura iscrizioni mensa', date: '2026-10-31' }]);
    expect(mensa.attachments[0]).toMatchObject({ key: 'isee', pdfa: true, required: true });
    const trasporto = catalogue.get('comune-alfa', 'trasporto-scolastico');
    expect(trasporto.payment).toEqual({ mode: 'immediato', amount: '25.00', reason: 'Quota trasporto' });
    const tenant = catalogue.tenant('comune-alfa');
    expect(tenant.topics.find((t) => t.slug === 'educazione-e-formazione')!.services).toBe(2);
    expect(tenant.termsVersion).toBe('2026-01');
  });

  it('searches by relevance, tolerant to accents and word endings', () => {
    expect(catalogue.search('comune-alfa', 'mense scolastiche')[0]!.slug).toBe('iscrizione-mensa-scolastica');
    expect(catalogue.search('comune-alfa', 'CERTIFICATI nàscita')[0]!.slug).toBe('certificato-nascita');
    expect(catalogue.search('comune-alfa', 'scuolab').map((s) => s.slug)).toEqual(['trasporto-scolastico']);
    expect(catalogue.search('comune-alfa', 'mensa').map((s) => s.slug)).not.toContain('servizio-nascosto');
    expect(catalogue.search('comune-alfa', '"* NEAR(')).toEqual([]);
  });

  it('serves forms with nested forms resolved and their scripts kept for the sandbox, from the database alone', () => {
    const f = catalogue.form('comune-alfa', 'mensa-richiedente');
    const applicant = f.components[0] as { components: { key: string; components?: { key: string }[] }[] };
    expect(applicant.components.map((c) => c.key)).toEqual(['completename', 'fiscal_code', 'email_address']);
    expect(applicant.components[0]!.components!.map((c) => c.key)).toEqual(['name', 'surname']);
    expect(JSON.stringify(catalogue.form('comune-alfa', 'mensa-alunno'))).toContain('calculateValue');
    expect(catalogue.form('comune-alfa', 'trasporto').unsupported).toEqual([{ path: 'orari.firma', type: 'signaturepad3000' }]);
    expect(() => catalogue.form('comune-alfa', 'con-ciclo')).toThrow(/non è disponibile/);
  });

  it('re-importing replaces a comune whole', () => {
    const repo = createCatalogueRepo(db);
    const alfa = readCatalogueDirectory(join(FIXTURES, 'comune-alfa'));
    importCatalogue(repo, { ...alfa, services: alfa.services.filter((s) => s.slug !== 'trasporto-scolastico') }, clock);
    expect(catalogue.list('comune-alfa')).toHaveLength(3);
    expect(catalogue.search('comune-alfa', 'scuolabus')).toEqual([]);
    importCatalogue(repo, alfa, clock);
    expect(catalogue.list('comune-alfa')).toHaveLength(4);
  });
});
