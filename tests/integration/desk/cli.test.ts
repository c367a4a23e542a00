/** The first administrator, created from the command line with the password on standard input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registroDi } from '../../../electron/core/audit/registro';
import { createOperatori } from '../../../electron/core/desk/operatori';
import { systemClock } from '../../../electron/core/ports/clock';
import { openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { createOperatoriRepo } from '../../../electron/core/store/operatori-repo';

const ROOT = join(__dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'sportello-desk-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const cli = (input: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'electron/cli/desk.ts'), ...args], { input, encoding: 'utf8', cwd: ROOT });

describe('desk CLI: crea-amministratore', () => {
  it('creates the first administrator, who can then log in; refuses a second one', async () => {
    const args = ['crea-amministratore', '--data', dataDir, '--username', 'admin', '--nome', 'Anna Admin'];
    const first = cli('amministra-2026\n', ...args);
    expect(first.stdout).toContain('Amministratore admin creato.');
    expect(first.status).toBe(0);
    const second = cli('amministra-2026\n', ...args.slice(0, 4), 'altro', '--nome', 'Altro');
    expect(second.stderr).toMatch(/Esiste già un amministratore/);
    expect(second.status).toBe(1);

    const db = openDatabase(locationOf(dataDir));
    try {
      const operatori = createOperatori(createOperatoriRepo(db), registroDi(db, dataDir, systemClock), systemClock);
      await expect(operatori.login('admin', 'amministra-2026')).resolves.toMatchObject({ ruolo: 'amministratore' });
    } finally {
      db.close();
    }
  });

  it('refuses a weak password', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sportello-desk-cli-'));
    try {
      const result = cli('corta\n', 'crea-amministratore', '--data', dir, '--username', 'admin', '--nome', 'Anna');
      expect(result.stderr).toMatch(/almeno 12 caratteri/);
      expect(result.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
