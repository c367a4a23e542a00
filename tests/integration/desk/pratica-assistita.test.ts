/**
 * An operator compiles a pratica for a citizen without a card (codice fiscale typed and
 * checked): through the app's core in desk mode (demo catalogue, real SQLite file), the
 * pratica is the citizen's, records the operator, and is listed under "Aperte per mio conto".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registroDi } from '../../../electron/core/audit/registro';
import { createCore, type Core } from '../../../electron/composition/core';
import { configSchema } from '../../../electron/core/config/schema';
import { createOperatori } from '../../../electron/core/desk/operatori';
import { silentLogger } from '../../../electron/core/log/logger';
import { systemClock } from '../../../electron/core/ports/clock';
import { openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { createOperatoriRepo } from '../../../electron/core/store/operatori-repo';
import type { Sportello } from '../../../electron/shared/contract/api';
import { createdPratica } from '../../support/created-pratica';
import { errorOf, sportelloOf, valueOf } from '../../support/sportello';

const TENANT = 'comune-di-prova';
let dataDir: string;
let core: Core;
let desk: Sportello;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sportello-assistita-'));
  const db = openDatabase(locationOf(dataDir));
  const operatori = createOperatori(createOperatoriRepo(db), registroDi(db, dataDir, systemClock), systemClock);
  const admin = await operatori.createFirstAdministrator({ username: 'admin', nome: 'Anna Admin', password: 'amministra-2026' });
  await operatori.create(admin, { username: 'mario.bianchi', nome: 'Mario Bianchi', ruolo: 'operatore', password: 'sportello-2026' });
  db.close();
  // A reader name no test uses: cards other tests put in the shared pcscd must not become "the citizen".
  const config = configSchema.parse({ mode: 'desk', dataDirectory: dataDir, reader: { nameFilter: 'nessun-lettore-per-questo-test' } });
  core = await createCore({ config, log: silentLogger, version: 'test', dataDir });
  desk = sportelloOf(core, { transport: 'test', clientId: 'sportello-1' });
});

afterAll(async () => {
  await core?.dispose();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('assisted pratica at the desk', () => {
  it('is refused before an operator logs in and for a wrong codice fiscale', async () => {
    expect(await errorOf(desk.desk['assistito.imposta']({ codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', documento: { tipo: 'carta-identita', numero: 'CA1234567' } }))).toMatchObject({
      code: 'sessione-operatore-assente',
    });
    await valueOf(desk.desk.login({ username: 'mario.bianchi', password: 'sportello-2026' }));
    expect(await errorOf(desk.desk['assistito.imposta']({ codiceFiscale: 'RSSMRA80A01H501A', nome: 'Mario', cognome: 'Rossi', documento: { tipo: 'carta-identita', numero: 'CA1234567' } }))).toMatchObject({
      code: 'codice-fiscale-non-valido',
    });
  });

  it('opens the pratica for the citizen, recording the operator, listed under "per mio conto"', async () => {
    await valueOf(desk.desk['assistito.imposta']({ codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', documento: { tipo: 'carta-identita', numero: 'CA1234567' } }));
    const terms = await valueOf(desk.pratiche.terms({ tenant: TENANT }));
    if (terms.mustAccept && terms.version) await valueOf(desk.pratiche.acceptTerms({ tenant: TENANT, version: terms.version }));
    const pratica = await createdPratica(desk.pratiche.start({ tenant: TENANT, service: 'certificato-nascita' }));
    expect(pratica.openedBy).toBe('mario.bianchi');
    expect(pratica.richiedente.codiceFiscale).toBe('RSSMRA80A01H501U');
    const list = await valueOf(desk.pratiche.list({ group: 'per-mio-conto' }));
    expect(list.counts['per-mio-conto']).toBe(1);
    expect(list.pratiche.map((p) => p.id)).toEqual([pratica.id]);
  });

  it('ends with the operator session', async () => {
    await valueOf(desk.desk.logout({}));
    expect(await desk.pratiche.list({})).toMatchObject({ ok: false });
  });
});
