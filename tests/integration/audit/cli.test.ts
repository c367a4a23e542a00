/** `npm run audit -- verify|report` against a real database file, run as the operator would. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registroDi } from '../../../electron/core/audit/registro';
import { entryHash } from '../../../electron/core/audit/catena';
import { createSigillo } from '../../../electron/core/audit/sigillo';
import { fileKeystore } from '../../../electron/core/keystore/file-keystore';
import { systemClock } from '../../../electron/core/ports/clock';
import { createAuditRepo } from '../../../electron/core/store/audit-repo';
import { openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { localDay } from '../../../electron/core/desk/validazione';
import { temporaryDirectoryPerTest } from '../../support/close-after-each';

const ROOT = join(__dirname, '../../..');
const dataDir = temporaryDirectoryPerTest('sportello-audit-');

function dataDirWithLog(): string {
  const dir = dataDir();
  const db = openDatabase(locationOf(dir));
  const registro = registroDi(db, dir, systemClock);
  for (let i = 1; i <= 4; i++) {
    registro.append('rilascio', 'mario.rossi', { codiceFiscale: 'RSSMRA80A01H501U', serialeCarta: `612001646103900${i}`, canale: 'email', destinazione: 'm***@example.it', releaseId: `r-${i}` });
  }
  db.close();
  return dir;
}

function audit(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'electron/cli/audit.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
}

/** As an attacker with the database file but not the key: triggers dropped first. */
function tamper(dir: string, sql: string): void {
  const db = openDatabase(locationOf(dir));
  db.exec('DROP TRIGGER IF EXISTS audit_log_senza_modifiche; DROP TRIGGER IF EXISTS audit_log_senza_cancellazioni;');
  db.prepare(sql).run();
  db.close();
}

/** Every hash from seq 1 recomputed after an edit: a chain that holds, without the key's seal. */
function rechain(dir: string): void {
  const db = openDatabase(locationOf(dir));
  db.exec('DROP TRIGGER IF EXISTS audit_log_senza_modifiche;');
  let previous = '0'.repeat(64);
  for (const row of [...createAuditRepo(db).all()]) {
    const hash = entryHash({ ...row, prevHash: previous });
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(previous, hash, row.seq);
    previous = hash;
  }
  db.close();
}

describe('npm run audit -- verify', () => {
  it('exits 0 on an intact log', () => {
    const result = audit('verify', '--data', dataDirWithLog());
    expect(result.stdout).toMatch(/Registro integro: 4 voci/);
    expect(result.status).toBe(0);
  });

  const swapFirstTwo = [
    // Through the unique key, a swap needs a detour.
    'UPDATE audit_log SET seq = 100 WHERE seq = 1',
    'UPDATE audit_log SET seq = 1 WHERE seq = 2',
    'UPDATE audit_log SET seq = 2 WHERE seq = 100',
  ];
  it.each([
    ['edited', [`UPDATE audit_log SET data = json_set(data, '$.canale', 'sms') WHERE seq = 2`], 2],
    ['deleted', ['DELETE FROM audit_log WHERE seq = 3'], 4],
    ['reordered', swapFirstTwo, 1],
  ])('exits 1 naming the entry when one was %s', (_what, statements, seq) => {
    const dir = dataDirWithLog();
    for (const sql of statements) tamper(dir, sql);
    const result = audit('verify', '--data', dir);
    expect(result.stderr).toContain(`REGISTRO ALTERATO alla voce ${seq}`);
    expect(result.status).toBe(1);
  });

  it('exits 1 on an operator changed and the chain re-hashed, and on the newest entries cut off', () => {
    const edited = dataDirWithLog();
    tamper(edited, `UPDATE audit_log SET operatore = 'altro' WHERE seq = 2`);
    rechain(edited);
    const rewritten = audit('verify', '--data', edited);
    expect(rewritten.stderr).toMatch(/REGISTRO ALTERATO alla voce 2: sigillo non valido/);
    expect(rewritten.status).toBe(1);

    const cut = dataDirWithLog();
    tamper(cut, 'DELETE FROM audit_log WHERE seq >= 3');
    const truncated = audit('verify', '--data', cut);
    expect(truncated.stderr).toMatch(/REGISTRO ALTERATO alla voce 3: registro troncato/);
    expect(truncated.status).toBe(1);
  });

  it('exits 1 when the log lacks a head the issuing system kept, even cut by someone who also had the key', () => {
    const dir = dataDirWithLog();
    const db = openDatabase(locationOf(dir));
    const anchored = registroDi(db, dir, systemClock).testa()!;
    db.close();
    expect(anchored.seq).toBe(4);
    // The same head checks out on the intact log.
    expect(audit('verify', '--data', dir, '--testa', `${anchored.seq}:${anchored.hash}`).status).toBe(0);

    // With the key: the last entry deleted and the kept head moved back to entry 3, so the log alone looks whole.
    tamper(dir, 'DELETE FROM audit_log WHERE seq = 4');
    const again = openDatabase(locationOf(dir));
    const third = [...createAuditRepo(again).all()].at(-1)!;
    again.close();
    createSigillo(fileKeystore(), dir).registraTesta({ seq: third.seq, hash: third.hash });
    expect(audit('verify', '--data', dir).status).toBe(0);

    const result = audit('verify', '--data', dir, '--testa', `${anchored.seq}:${anchored.hash}`);
    expect(result.stderr).toMatch(/REGISTRO ALTERATO: manca la voce 4 .*accorciato o riscritto/);
    expect(result.status).toBe(1);
    expect(audit('verify', '--data', dir, '--testa', 'quattro').status).toBe(2);
  });

  it('writes the daily report as CSV and PDF', () => {
    const dir = dataDirWithLog();
    const csv = join(dir, 'rilasci.csv');
    const pdf = join(dir, 'rilasci.pdf');
    const result = audit('report', '--data', dir, '--day', localDay(new Date()), '--comune', 'Comune di Prova', '--csv', csv, '--pdf', pdf);
    expect(result.stdout).toContain('4 rilasci');
    expect(result.status).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n').filter((l) => l.includes('RSSMRA80A01H501U'))).toHaveLength(4);
    expect(existsSync(pdf) && readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
