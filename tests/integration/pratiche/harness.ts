/**
 * The catalogue and pratiche areas as the app runs them: a real database file in a
 * temporary data directory, the fixture catalogues imported, every call going through
 * the contract's dispatch (zod on input and output), called through the renderer's API over
 * these two areas (`h.api.pratiche.start(...)`). The card session is the only stand-in:
 * `as(citizen)` sets who the current citizen is, as identity would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatch } from '../../../electron/core/api/dispatch';
import { importCatalogue } from '../../../electron/core/catalogue/import';
import { readCatalogueDirectory } from '../../../electron/core/catalogue/read-directory';
import { silentLogger } from '../../../electron/core/log/logger';
import type { Citizen } from '../../../electron/core/pratiche/citizen';
import { createPraticheModule } from '../../../electron/composition/pratiche-area';
import { openDatabase } from '../../../electron/core/store/database';
import { filesOf, locationOf } from '../../support/database-location';
import { catalogueCalls } from '../../../electron/shared/contract/catalogue';
import { praticheCalls } from '../../../electron/shared/contract/pratiche';
import { areaApiOf } from '../../support/sportello';
import { createDomainEvents } from '../../../electron/core/api/domain-events';
import type { CassettaBozze } from '../../../electron/core/pratiche/cassetta-bozze';
import { createRepositories } from '../../../electron/composition/repositories';

export const FIXTURES = join(__dirname, '../../fixtures/catalogue');

export const ANNA: Citizen = {
  card: { codiceFiscale: 'RSSNNA80A41H501X', nome: 'Anna', cognome: 'Rossi', dataNascita: '1980-01-01' },
  operator: null,
};
export const BRUNO: Citizen = {
  card: { codiceFiscale: 'BNCBRN75B02F205Y', nome: 'Bruno', cognome: 'Bianchi', dataNascita: null },
  operator: null,
};

/** `cassetta`: a kiosk's draft vault, sealing drafts' texts, documents and their names (pratiche/cassetta-bozze.ts). */
export function createHarness(options: { cassetta?: CassettaBozze } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-pratiche-'));
  let current: Citizen | null = null;
  let time = Date.parse('2026-11-24T08:00:00Z');
  const clock = { now: () => new Date((time += 1000)) };
  const events = createDomainEvents();
  /** The pratiche announced to sync, in order. */
  const announced: string[] = [];
  events.on('outbox.accodata', ({ praticaId }) => announced.push(praticaId));
  const db = openDatabase(locationOf(dataDir));
  const { cassetta } = options;
  const kiosk = cassetta ? { documentSealer: cassetta.documenti, repos: createRepositories(db, { sealer: cassetta }) } : {};
  const area = createPraticheModule({ db, files: filesOf(dataDir), clock, currentCitizen: () => current, events, ...kiosk });
  for (const slug of ['comune-alfa', 'comune-beta']) importCatalogue(area.catalogueRepo, readCatalogueDirectory(join(FIXTURES, slug)), clock);
  const contract = { ...catalogueCalls, ...praticheCalls };
  const dispatch = createDispatch(contract, area.handlers, silentLogger);
  return {
    dataDir,
    area,
    announced,
    clock,
    as: (citizen: Citizen | null) => void (current = citizen),
    api: areaApiOf(contract, dispatch),
    /** A call whose input the contract's types refuse (what a page ignoring them could send): for the tests of core's own checks of input. */
    sendUnchecked: (call: keyof typeof contract & string, input: unknown) => dispatch(call, input, { transport: 'test', clientId: 'test' }),
    close() {
      area.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Harness = ReturnType<typeof createHarness>;
