/**
 * Child process for the crash-safety test: autosaves one pratica in a loop through the
 * real repository and prints each revision only after the save returned (the
 * "acknowledged" save). The parent SIGKILLs it at a random moment.
 * SPORTELLO_TEST_SYNCHRONOUS overrides the database's `synchronous` setting: the power-cut
 * test shows that a weaker one than the app's loses acknowledged saves.
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('uso: autosave-child <dataDir>');
const CF = 'RSSNNA80A41H501X';
const ID = '00000000-0000-4000-8000-00000000c0de';

const db = openDatabase(locationOf(dataDir));
const synchronous = process.env.SPORTELLO_TEST_SYNCHRONOUS;
if (synchronous !== undefined) {
  if (!/^(OFF|NORMAL|FULL)$/.test(synchronous)) throw new Error(`SPORTELLO_TEST_SYNCHRONOUS non valido: ${synchronous}`);
  db.pragma(`synchronous = ${synchronous}`);
}
const repo = createPraticheRepo(db);
if (!repo.get(ID, CF)) {
  repo.create({ id: ID, citizenCf: CF, tenantSlug: 't', serviceSlug: 's', serviceId: 'sid', status: 1000, stepId: 'istruzioni', data: {}, openedBy: null }, new Date().toISOString());
}
let counter = Number((repo.get(ID, CF)!.data as { counter?: number }).counter ?? 0);
writeSync(1, 'ready\n');
for (;;) {
  counter++;
  const data: Record<string, unknown> = { counter };
  for (let i = 0; i < 50; i++) data[`campo_${i}`] = `valore ${i} del salvataggio ${counter}`;
  repo.saveData(ID, CF, data, new Date().toISOString());
  writeSync(1, `${counter}\n`);
}
