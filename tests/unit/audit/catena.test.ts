import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../../electron/core/audit/catena';
import { createRegistro } from '../../../electron/core/audit/registro';
import { createSigillo } from '../../../electron/core/audit/sigillo';
import { createAuditRepo } from '../../../electron/core/store/audit-repo';
import { openDatabase } from '../../../electron/core/store/database';
import { memoryKeystore } from '../../support/keystore';
import { manualClock } from '../desk/clock';

function filled(count = 5) {
  const db = openDatabase(':memory:');
  const clock = manualClock();
  const keystore = memoryKeystore();
  const sigillo = createSigillo(keystore, '/dati/sportello');
  const registro = createRegistro(createAuditRepo(db), clock, sigillo);
  for (let i = 1; i <= count; i++) {
    registro.append('rilascio', 'mario.rossi', { codiceFiscale: 'RSSMRA80A01H501U', serialeCarta: `612001646103900${i}`, canale: 'email', releaseId: `r-${i}` });
    clock.advanceMinutes(3);
  }
  return { db, registro, keystore, clock };
}

/** What an attacker with the database file (not the key) does: drop the triggers, then edit. */
function tamper(db: Database.Database, sql: string, ...args: unknown[]): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_senza_modifiche; DROP TRIGGER IF EXISTS audit_log_senza_cancellazioni;');
  db.prepare(sql).run(...args);
}

/** Recomputes every hash from `fromSeq` on, as someone re-chaining an edited log would. */
function rechain(db: Database.Database, registro: ReturnType<typeof filled>['registro'], fromSeq: number): void {
  let previous = [...registro.entries()].find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64);
  for (const row of [...registro.entries()].filter((r) => r.seq >= fromSeq)) {
    const hash = entryHash({ ...row, prevHash: previous });
    tamper(db, 'UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?', previous, hash, row.seq);
    previous = hash;
  }
}

describe('audit hash chain', () => {
  it('verifies an untouched log and reports its head', () => {
    const { registro } = filled();
    const verdict = registro.verify();
    expect(verdict).toMatchObject({ ok: true, entries: 5 });
    expect(verdict.ok && verdict.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses UPDATE and DELETE on the log itself (triggers)', () => {
    const { db, registro } = filled();
    expect(() => db.prepare(`UPDATE audit_log SET operatore = 'altro' WHERE seq = 2`).run()).toThrow(/non si modificano/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 5').run()).toThrow(/non si cancellano/);
    expect(registro.verify()).toMatchObject({ ok: true, entries: 5 });
  });

  it('detects an edited field', () => {
    const { db, registro } = filled();
    tamper(db, `UPDATE audit_log SET data = json_set(data, '$.canale', 'sms') WHERE seq = 3`);
    expect(registro.verify()).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/modificato/) });
  });

  it('detects an edited entry whose own hash was recomputed: the next link breaks', () => {
    const { db, registro } = filled();
    const row = [...registro.entries()].find((r) => r.seq === 2)!;
    tamper(db, `UPDATE audit_log SET operatore = 'altro', hash = ? WHERE seq = 2`, entryHash({ ...row, operatore: 'altro' }));
    expect(registro.verify()).toMatchObject({ ok: false, seq: 2, reason: expect.stringMatching(/sigillo/) });
  });

  it('detects a log re-chained after an edit (every hash recomputed): the seal needs the key', () => {
    const { db, registro } = filled();
    tamper(db, `UPDATE audit_log SET operatore = 'altro' WHERE seq = 2`);
    rechain(db, registro, 2);
    expect(registro.verify()).toMatchObject({ ok: false, seq: 2, reason: expect.stringMatching(/sigillo/) });
  });

  it('detects an operator login deleted and the rest re-chained and renumbered', () => {
    const { db, registro } = filled();
    tamper(db, 'DELETE FROM audit_log WHERE seq = 2');
    for (const seq of [3, 4, 5]) tamper(db, 'UPDATE audit_log SET seq = ? WHERE seq = ?', seq - 1, seq);
    rechain(db, registro, 2);
    expect(registro.verify()).toMatchObject({ ok: false, seq: 2, reason: expect.stringMatching(/sigillo/) });
  });

  it('detects the newest entries cut off, against the head kept beside the key', () => {
    const { db, registro } = filled();
    tamper(db, 'DELETE FROM audit_log WHERE seq >= 4');
    expect(registro.verify()).toMatchObject({ ok: false, seq: 4, reason: expect.stringMatching(/troncato: mancano le voci da 4 a 5/) });
  });

  it('detects a deleted entry', () => {
    const { db, registro } = filled();
    tamper(db, 'DELETE FROM audit_log WHERE seq = 2');
    expect(registro.verify()).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/cancellata/) });
  });

  it('detects two entries swapped', () => {
    const { db, registro } = filled();
    tamper(db, 'UPDATE audit_log SET seq = 100 WHERE seq = 2');
    tamper(db, 'UPDATE audit_log SET seq = 2 WHERE seq = 4');
    tamper(db, 'UPDATE audit_log SET seq = 4 WHERE seq = 100');
    expect(registro.verify()).toMatchObject({ ok: false, seq: 2 });
  });

  it('does not verify with another key (a database moved to another installation)', () => {
    const { db } = filled();
    const other = createRegistro(createAuditRepo(db), manualClock(), createSigillo(memoryKeystore(), '/dati/sportello'));
    expect(other.verify()).toMatchObject({ ok: false, seq: 1, reason: expect.stringMatching(/sigillo/) });
  });

  it('seals the rows written before the seal existed, once, and only if the chain holds', () => {
    const { db, registro, keystore, clock } = filled(3);
    // Rows as an earlier version wrote them: no MAC, no kept head.
    tamper(db, 'UPDATE audit_log SET mac = NULL');
    db.exec(`CREATE TRIGGER audit_log_senza_modifiche BEFORE UPDATE ON audit_log
      WHEN NOT (OLD.mac IS NULL AND NEW.mac IS NOT NULL AND NEW.hash IS OLD.hash) BEGIN SELECT RAISE(ABORT, 'no'); END;`);
    const upgraded = createRegistro(createAuditRepo(db), clock, createSigillo(keystore, '/dati/sportello-2'));
    expect(upgraded.verify()).toMatchObject({ ok: false, seq: 1 });
    expect(upgraded.sealLegacy()).toBe(3);
    expect(upgraded.sealLegacy()).toBe(0);
    expect(upgraded.verify()).toMatchObject({ ok: true, entries: 3 });
    expect(registro.verify().ok).toBe(false);
  });

  it('refuses an entry with a field that could hold a secret', () => {
    const { registro } = filled(1);
    expect(() => registro.append('rilascio', 'mario.rossi', { pin: '12' })).toThrow(/riservato/);
    expect(() => registro.append('rilascio', 'mario.rossi', { dettagli: { puk: '12' } })).toThrow(/riservato/);
    expect(registro.verify()).toMatchObject({ ok: true, entries: 1 });
  });
});
