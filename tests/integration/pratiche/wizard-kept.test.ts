/**
 * A service's wizard is built once and kept (electron/core/pratiche/service-wizard.ts): an
 * autosave reads neither the service nor its forms, and an import of the comune's catalogue is
 * seen by the very next call, whichever repository or connection it went through.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCatalogueRepo } from '../../../electron/core/catalogue/catalogue-repo';
import { importCatalogue, type CatalogueSource } from '../../../electron/core/catalogue/import';
import { readCatalogueDirectory } from '../../../electron/core/catalogue/read-directory';
import { openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { ANNA, createHarness, FIXTURES, type Harness } from './harness';
import { errorOf, valueOf } from '../../support/sportello';
import { createdPratica } from '../../support/created-pratica';

const TENANT = 'comune-alfa';
const STEP = 'modulo:mensa-alunno';

/** comune-alfa's catalogue, the pupil's form with one more field. */
function withAllergie(): CatalogueSource {
  const source = readCatalogueDirectory(join(FIXTURES, TENANT));
  const allergie = { type: 'textfield', key: 'allergie', label: 'Allergie', input: true };
  return { ...source, forms: source.forms.map((f) => (f._id === 'mensa-alunno' ? { ...f, components: [...f.components, allergie] } : f)) };
}

const imports: Record<string, (h: Harness) => void> = {
  'the area\'s own repository': (h) => void importCatalogue(h.area.catalogueRepo, withAllergie(), h.clock),
  'another repository on the same connection, as sync has': (h) => void importCatalogue(createCatalogueRepo(h.area.db), withAllergie(), h.clock),
  'another connection to the same file': (h) => {
    const other = openDatabase(locationOf(h.dataDir));
    try {
      importCatalogue(createCatalogueRepo(other), withAllergie(), h.clock);
    } finally {
      other.close();
    }
  },
};

describe('the wizard of a service, kept between calls', () => {
  let h: Harness;
  let id: string;
  beforeEach(async () => {
    h = createHarness();
    h.as(ANNA);
    await valueOf(h.api.pratiche.acceptTerms({ tenant: TENANT, version: '2026-01' }));
    id = (await createdPratica(h.api.pratiche.start({ tenant: TENANT, service: 'iscrizione-mensa-scolastica' }))).id;
  });
  afterEach(() => h.close());

  it('autosaves without reading the service or its forms again', async () => {
    const services = vi.spyOn(h.area.catalogueRepo, 'getService');
    const forms = vi.spyOn(h.area.catalogueRepo, 'getResolvedForm');
    for (const nome of ['Luca', 'Luca Maria', 'Luca Mario']) await valueOf(h.api.pratiche.saveStep({ id, stepId: STEP, values: { nome_alunno: nome } }));
    expect(services).not.toHaveBeenCalled();
    expect(forms).not.toHaveBeenCalled();
    expect((await valueOf(h.api.pratiche.get({ id }))).data.nome_alunno).toBe('Luca Mario');
  });

  it('hands out the kept wizard frozen, so no caller changes it for the next', () => {
    const { steps, service } = h.area.pratiche.forModule(ANNA, id);
    const form = steps.find((s) => s.id === STEP)!;
    expect(() => form.components.push({ type: 'textfield', key: 'altro' })).toThrow(TypeError);
    expect(() => Object.assign(form.components[0]!, { key: 'altro' })).toThrow(TypeError);
    expect(() => Object.assign(service, { name: 'Altro' })).toThrow(TypeError);
    expect(h.area.pratiche.forModule(ANNA, id).steps.find((s) => s.id === STEP)!.components[0]!.key).toBe('nome_alunno');
  });

  for (const [through, reimport] of Object.entries(imports)) {
    it(`sees an import through ${through} on the next call`, async () => {
      await valueOf(h.api.pratiche.saveStep({ id, stepId: STEP, values: { nome_alunno: 'Luca' } }));
      expect((await errorOf(h.api.pratiche.saveStep({ id, stepId: STEP, values: { allergie: 'noci' } }))).code).toBe('campo-sconosciuto');
      reimport(h);
      await valueOf(h.api.pratiche.saveStep({ id, stepId: STEP, values: { allergie: 'noci' } }));
      expect((await valueOf(h.api.pratiche.get({ id }))).data).toMatchObject({ nome_alunno: 'Luca', allergie: 'noci' });
    });
  }
});
