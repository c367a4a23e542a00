/**
 * The bundled demo catalogue (catalogue/demo/comune-di-prova), imported as the app does
 * on a demo installation: every form resolves offline, the sample submissions pass
 * Form.io validation step by step, a broken one does not, and search finds services by
 * the words citizens use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundledCatalogue, bundledCatalogueDir } from '../../../electron/core/catalogue/bundled';
import { createCatalogue } from '../../../electron/core/catalogue/catalogue';
import { validateSubmission } from '../../../electron/core/catalogue/forms/validate';
import { wizardSteps } from '../../../electron/core/pratiche/steps';
import { createCatalogueRepo } from '../../../electron/core/catalogue/catalogue-repo';
import { openDatabase, type Db } from '../../../electron/core/store/database';

const DEMO = bundledCatalogueDir('comune-di-prova', join(__dirname, '../../../electron/core/catalogue/demo'));
const SAMPLES = join(DEMO, '..', 'samples');
const TENANT = 'comune-di-prova';

describe('bundled demo catalogue', () => {
  let db: Db;
  let catalogue: ReturnType<typeof createCatalogue>;
  let repo: ReturnType<typeof createCatalogueRepo>;
  beforeAll(() => {
    db = openDatabase(':memory:');
    repo = createCatalogueRepo(db);
    const report = importBundledCatalogue(repo, DEMO, { now: () => new Date('2026-11-24T08:00:00Z') });
    expect(report).toMatchObject({ tenant: TENANT, problems: [], unsupported: [] });
    catalogue = createCatalogue(repo);
  });
  afterAll(() => db.close());

  it('is imported once and never over a catalogue already there', () => {
    expect(importBundledCatalogue(repo, DEMO, { now: () => new Date() })).toBeNull();
    expect(catalogue.list(TENANT).length).toBeGreaterThanOrEqual(15);
  });

  it('has every form of every service available offline, with no unsupported component', () => {
    for (const s of catalogue.list(TENANT)) {
      for (const step of catalogue.get(TENANT, s.slug).flowSteps) {
        if (step.formId) expect(catalogue.form(TENANT, step.formId).unsupported, `${s.slug}/${step.formId}`).toEqual([]);
      }
    }
  });

  const samples = readdirSync(SAMPLES).filter((n) => n.endsWith('.json'));
  it.each(samples)('sample %s passes validation on every form step', (name) => {
    const sample = JSON.parse(readFileSync(join(SAMPLES, name), 'utf8')) as { service: string; data: Record<string, unknown> };
    const service = repo.getService(TENANT, sample.service)!;
    const steps = wizardSteps(service, (id) => catalogue.form(TENANT, id)).filter((s) => s.kind === 'modulo');
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(validateSubmission(step.components, sample.data), step.id).toEqual([]);
  });

  it('a sample without its applicant fails validation', () => {
    const sample = JSON.parse(readFileSync(join(SAMPLES, 'iscrizione-mensa-scolastica.json'), 'utf8')) as { service: string; data: Record<string, unknown> };
    const service = repo.getService(TENANT, sample.service)!;
    const steps = wizardSteps(service, (id) => catalogue.form(TENANT, id)).filter((s) => s.kind === 'modulo');
    const errors = steps.flatMap((s) => validateSubmission(s.components, { ...sample.data, applicant: { data: {} } }));
    expect(errors.some((e) => e.path.startsWith('applicant.') && e.rule === 'required')).toBe(true);
  });

  it('finds services by the words citizens use', () => {
    expect(catalogue.search(TENANT, 'mensa')[0]!.slug).toBe('iscrizione-mensa-scolastica');
    expect(catalogue.search(TENANT, 'cambio residenza')[0]!.slug).toBe('cambio-residenza');
    expect(catalogue.search(TENANT, 'certificati di nascità')[0]!.slug).toBe('certificato-nascita');
    expect(catalogue.search(TENANT, 'scrutatore').map((s) => s.slug)).toContain('albo-scrutatori');
  });

  it('finds services through one or two typos, after every service matching the words as typed', () => {
    const slugs = (q: string) => catalogue.search(TENANT, q).map((s) => s.slug);
    // One letter missing: the same certificate services as the word spelt right, in the same order.
    const certificati = slugs('certificato');
    expect(certificati).toContain('certificato-nascita');
    expect(slugs('certifcato')).toEqual(certificati);
    // Two typos in a longer word, and one in "residenza": the services they meant.
    expect(slugs('cerificto')).toEqual(expect.arrayContaining(['certificato-nascita', 'certificato-morte', 'certificato-matrimonio']));
    expect(slugs('residensa')[0]).toBe('cambio-residenza');
    // Exact words first: what "residenza" finds as typed leads, the typo's other near words follow.
    const residenza = slugs('residenza');
    expect(slugs('residensa').slice(0, residenza.length)).toEqual(residenza);
    // A word spelt right and one misspelt: the services the right one finds come first.
    const misto = slugs('certificato residensa');
    expect(misto.slice(0, certificati.length).sort()).toEqual([...certificati].sort());
    expect(misto.slice(certificati.length)).toContain('cambio-residenza');
    // A word that is no typo of any finds nothing.
    expect(slugs('zzxqwv')).toEqual([]);
  });
});
