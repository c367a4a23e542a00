/**
 * The catalogue and pratiche areas as the app runs them: a real database file in a
 * temporary data directory, the fixture catalogues imported, every call going through
 * the contract's dispatch (zod on input and output). The card session is the only
 * stand-in: `as(citizen)` sets who the current citizen is, as identity would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatch } from '../../../electron/core/api/dispatch';
import { importCatalogue } from '../../../electron/core/catalogue/import';
import { readCatalogueDirectory } from '../../../electron/core/catalogue/read-directory';
import { createLogger } from '../../../electron/core/log/logger';
import type { Citizen } from '../../../electron/core/pratiche/citizen';
import { createPraticheModule } from '../../../electron/composition/pratiche-area';
import { openDatabase } from '../../../electron/core/store/database';
import { filesOf, locationOf } from '../../support/database-location';
import { catalogueCalls } from '../../../electron/shared/contract/catalogue';
import { praticheCalls } from '../../../electron/shared/contract/pratiche';
import type { Result } from '../../../electron/shared/define';

export const FIXTURES = join(__dirname, '../../fixtures/catalogue');

export const ANNA: Citizen = {
  card: { codiceFiscale: 'RSSNNA80A41H501X', nome: 'Anna', cognome: 'Rossi', dataNascita: '1980-01-01' },
  operator: null,
};
export const BRUNO: Citizen = {
  card: { codiceFiscale: 'BNCBRN75B02F205Y', nome: 'Bruno', cognome: 'Bianchi', dataNascita: null },
  operator: null,
};

export function createHarness() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-pratiche-'));
  let current: Citizen | null = null;
  let time = Date.parse('2026-11-24T08:00:00Z');
  const clock = { now: () => new Date((time += 1000)) };
  const area = createPraticheModule({ db: openDatabase(locationOf(dataDir)), files: filesOf(dataDir), clock, currentCitizen: () => current });
  for (const slug of ['comune-alfa', 'comune-beta']) importCatalogue(area.catalogueRepo, readCatalogueDirectory(join(FIXTURES, slug)), clock);
  const dispatch = createDispatch({ ...catalogueCalls, ...praticheCalls }, area.handlers, createLogger({ level: 'error', sink: () => {} }));

  // Responses are already checked by the contract's zod output schemas; tests read them loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function call<T = any>(name: string, input: unknown): Promise<Result<T>> {
    return (await dispatch(name, input, { transport: 'test', clientId: 'test' })) as Result<T>;
  }
  /** The value of a call that must succeed. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function ok<T = any>(name: string, input: unknown): Promise<T> {
    const r = await call<T>(name, input);
    if (!r.ok) throw new Error(`${name} fallita: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details ?? [])}`);
    return r.value;
  }
  /** The error code of a call that must fail. */
  async function fails(name: string, input: unknown): Promise<{ code: string; message: string; details?: { path: string; message: string }[] }> {
    const r = await call(name, input);
    if (r.ok) throw new Error(`${name} doveva fallire`);
    return r.error;
  }
  return {
    dataDir,
    area,
    clock,
    as: (citizen: Citizen | null) => void (current = citizen),
    call,
    ok,
    fails,
    close() {
      area.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Harness = ReturnType<typeof createHarness>;
