/**
 * npm run bench:store
 *
 * 1. Autosave of a 50-field submission with 100,000 pratiche in the database (WAL,
 *    synchronous=FULL, a real file): p50 / p99 through the repository and through the
 *    whole `saveStep` path (pratica loaded, step checked, applicant rebuilt), each compared
 *    with a raw better-sqlite3 single-row upsert of the same bytes in the same file and run.
 *    Target: p99 ratio <= 3 for the repository, <= 2 for saveStep. Run twice: on the encrypted database the app opens, and on a
 *    plaintext file with the same settings, to print what encryption costs.
 * 2. Search over 500 services: p50 / p99 of catalogue.search. Target: p99 < 5 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCatalogue } from '../../electron/core/catalogue/catalogue';
import type { ServiceFile, TenantFile } from '../../electron/core/catalogue/format';
import { serviceFileSchema, tenantFileSchema } from '../../electron/core/catalogue/format';
import type { FormDocument } from '../../electron/core/catalogue/forms/form-json';
import { importCatalogue } from '../../electron/core/catalogue/import';
import type { Citizen } from '../../electron/core/pratiche/citizen';
import { createPraticheModule } from '../../electron/composition/pratiche-area';
import { openDatabase, type Db } from '../../electron/core/store/database';
import { runMigrations } from '../../electron/core/store/migrations/runner';
import { migrations } from '../../electron/core/store/migrations';
import Database from 'better-sqlite3-multiple-ciphers';
import { filesOf, locationOf } from '../support/database-location';

const PRATICHE = Number(process.env.BENCH_PRATICHE ?? 100_000);
const SAVES = 2_000;
const SERVICES = 500;
const SEARCHES = 2_000;
const CITIZEN: Citizen = {
  card: { codiceFiscale: 'RSSNNA80A41H501X', nome: 'Anna', cognome: 'Rossi', dataNascita: '1980-01-01' },
  operator: null,
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (v: number) => `${v.toFixed(3)} ms`;

function time(times: number[], fn: () => void): void {
  const start = performance.now();
  fn();
  times.push(performance.now() - start);
}

const WORDS = ['iscrizione', 'mensa', 'scolastica', 'trasporto', 'certificato', 'nascita', 'residenza', 'cambio', 'indirizzo', 'asilo', 'nido',
  'biblioteca', 'associazioni', 'eventi', 'autorizzazione', 'tributi', 'rifiuti', 'parcheggio', 'contrassegno', 'disabili', 'edilizia',
  'permesso', 'costruire', 'scia', 'commercio', 'mercato', 'suolo', 'pubblico', 'occupazione', 'matrimonio', 'morte', 'cittadinanza',
  'elettorale', 'scrutatori', 'presidenti', 'seggio', 'appuntamento', 'anagrafe', 'carta', 'identità', 'passaporto', 'contributi', 'affitto'];
const pick = (i: number, n: number) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]).join(' ');
/** Filler vocabulary so that texts differ as real service pages do (3000 pseudo-Italian words). */
const SYLLABLES = ['ba', 'ce', 'di', 'fo', 'gu', 'la', 'me', 'ni', 'po', 'ru', 'sa', 'te', 'vi', 'zo', 'tra'];
const FILLER = SYLLABLES.flatMap((a) => SYLLABLES.flatMap((b) => SYLLABLES.map((c) => `${a}${b}${c}${'aeio'[(a.length + c.length) % 4]}`)));
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const filler = (n: number) => Array.from({ length: n }, () => FILLER[Math.floor(random() * FILLER.length)]).join(' ');

function tenant(): TenantFile {
  return tenantFileSchema.parse({
    id: 'bench', slug: 'comune-bench', name: 'Comune di Prova Bench',
    topics: Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, slug: `tema-${i}`, name: `Tema ${pick(i, 2)}` })),
    termsOfUse: { version: '1', text: 'Condizioni.' },
  });
}

function form(): FormDocument {
  return {
    _id: 'modulo-50', title: 'Modulo con 50 campi', name: 'modulo-50', display: 'form',
    components: Array.from({ length: 50 }, (_, i) => ({ type: 'textfield', key: `campo_${i}`, label: `Campo ${i}`, input: true, validate: { maxLength: 200 } })),
  };
}

function service(i: number): ServiceFile {
  return serviceFileSchema.parse({
    id: `s-${i}`, name: `${pick(i, 3)} ${i}`, slug: `servizio-${i}`, topics: `t${i % 10}`, status: 1, access_level: 3000,
    short_description: `${pick(i + 1, 3)} ${filler(10)}`, description: `${pick(i + 2, 5)} ${filler(80)}`, howto: filler(40), what_you_need: filler(25),
    flow_steps: [{ identifier: 'domanda', title: 'Domanda', type: 'formio', parameters: { formio_id: 'modulo-50' } }],
  });
}

const submission = (revision: number): Record<string, unknown> =>
  Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`campo_${i}`, `valore del campo ${i}, salvataggio ${revision}`]));

/** A plaintext twin of the app's database: same settings (database.ts), no key. */
function plaintextDatabase(dataDir: string): Db {
  const db = new Database(join(dataDir, 'sportello.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  runMigrations(db, migrations);
  return db;
}

interface Autosave {
  raw: number[];
  repo: number[];
  step: number[];
}

function autosave(label: string, open: (dataDir: string) => Db): Autosave {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-bench-'));
  try {
    const clock = { now: () => new Date() };
    const area = createPraticheModule({ db: open(dataDir), files: filesOf(dataDir), clock, currentCitizen: () => CITIZEN });
    const services = Array.from({ length: SERVICES }, (_, i) => service(i));
    importCatalogue(area.catalogueRepo, { tenant: tenant(), services, forms: [form()] }, clock);
    area.cittadini.acceptTerms(CITIZEN, 'comune-bench', '1');

    const t0 = performance.now();
    const now = clock.now().toISOString();
    area.db.transaction(() => {
      for (let i = 0; i < PRATICHE; i++) {
        area.praticheRepo.create(
          { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, citizenCf: `CF${String(i % 5000).padStart(14, '0')}`, tenantSlug: 'comune-bench',
            serviceSlug: `servizio-${i % SERVICES}`, serviceId: `s-${i % SERVICES}`, status: i % 3 === 0 ? 1000 : 7000, stepId: 'istruzioni', data: submission(i), openedBy: null },
          now,
        );
      }
    })();
    console.log(`\n[${label}] ${PRATICHE} pratiche create in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const started = area.pratiche.start(CITIZEN, 'comune-bench', 'servizio-0', false);
    if (started.outcome !== 'creata') throw new Error('bozza attesa');
    const id = started.pratica.id;
    // The baseline: the same submission upserted as one row of a one-column table in the same file.
    // Each save's bytes differ, as an autosave's do (SQLite skips writing an unchanged row).
    area.db.exec('CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, data TEXT NOT NULL) STRICT');
    const raw = area.db.prepare('INSERT INTO bench_raw (id, data) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data');

    const times: Autosave = { raw: [], repo: [], step: [] };
    for (let i = 0; i < SAVES; i++) {
      const data = submission(i);
      time(times.raw, () => raw.run(JSON.stringify(data)));
      time(times.repo, () => area.praticheRepo.saveData(id, CITIZEN.card.codiceFiscale, data, clock.now().toISOString()));
      time(times.step, () => area.pratiche.saveStep(CITIZEN, id, 'modulo:modulo-50', data));
    }
    console.log(`Autosave of a 50-field submission, ${PRATICHE} pratiche in the database, ${SAVES} saves each:`);
    row('raw upsert (baseline)', times.raw);
    row('repository saveData', times.repo);
    row('pratiche.saveStep (whole path)', times.step);
    const ratio = (t: number[]) => percentile(t, 99) / percentile(times.raw, 99);
    console.log(`  p99 ratio repository / raw: ${ratio(times.repo).toFixed(2)} (target <= 3) ${ratio(times.repo) <= 3 ? 'OK' : 'OLTRE'}`);
    console.log(`  p99 ratio saveStep / raw:   ${ratio(times.step).toFixed(2)} (target <= 2) ${ratio(times.step) <= 2 ? 'OK' : 'OLTRE'}`);
    if (label === 'encrypted') search(area.catalogueRepo);
    area.close();
    return times;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const row = (label: string, t: number[]) => console.log(`  ${label.padEnd(38)} p50 ${ms(percentile(t, 50))}  p99 ${ms(percentile(t, 99))}`);

function search(catalogueRepo: Parameters<typeof createCatalogue>[0]): void {
  const catalogue = createCatalogue(catalogueRepo);
  // Words as typed: real ones with a changed ending, filler ones, half-typed prefixes, and
  // one in four with a typo (a letter dropped), which the search corrects (search/typos.ts).
  const typed = (i: number) =>
    i % 3 === 0 ? pick(i, 1 + (i % 2)).replace(/.$/, i % 2 ? 'e' : 'i') : i % 3 === 1 ? `${pick(i, 1)} ${filler(1)}` : filler(1).slice(0, 4);
  const queries = Array.from({ length: SEARCHES }, (_, i) => (i % 4 === 3 ? pick(i, 1).replace(/^(...)./, '$1') : typed(i)));
  const searchTimes: number[] = [];
  const typoTimes: number[] = [];
  let hits = 0;
  queries.forEach((q, i) => {
    time(searchTimes, () => (hits += catalogue.search('comune-bench', q, 20).length));
    if (i % 4 === 3) typoTimes.push(searchTimes[searchTimes.length - 1]!);
  });
  console.log(`\nSearch over ${SERVICES} services, ${SEARCHES} queries (${hits} results):`);
  row('catalogue.search', searchTimes);
  row('  of which with a typo', typoTimes);
  console.log(`  p99 ${percentile(searchTimes, 99) < 5 ? 'OK' : 'OLTRE'} (target < 5 ms); load average now: ${loadavg()[0]!.toFixed(1)}`);
}

function main(): void {
  // Latency tails depend on what else the machine runs: print it next to the figures.
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const plain = autosave('plaintext', plaintextDatabase);
  const encrypted = autosave('encrypted', (dataDir) => openDatabase(locationOf(dataDir)));
  const cost = (pick: (a: Autosave) => number[], p: number) => percentile(pick(encrypted), p) / percentile(pick(plain), p);
  console.log(`\nEncryption cost (encrypted / plaintext): saveStep p50 ${cost((a) => a.step, 50).toFixed(2)}x, p99 ${cost((a) => a.step, 99).toFixed(2)}x; raw upsert p99 ${cost((a) => a.raw, 99).toFixed(2)}x`);
}

main();
