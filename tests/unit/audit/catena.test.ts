import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../../electron/core/audit/catena';
import { createRegistro } from '../../../electron/core/audit/registro';
import { createAuditRepo } from '../../../electron/core/store/audit-repo';
import { openDatabase } from '../../../electron/core/store/database';
import { manualClock } from '../desk/clock';

function filled(count = 5) {
  const db = openDatabase(':memory:');
  const clock = manualClock();
  const registro = createRegistro(createAuditRepo(db), clock);
  for (let i = 1; i <= count; i++) {
    registro.append('rilascio', 'mario.rossi', { codiceFiscale: 'RSSMRA80A01H501U', serialeCarta: `612001646103900${i}`, canale: 'email', releaseId: `r-${i}` });
    clock.advanceMinutes(3);
  }
  return { db, registro };
}

const tamper = (db: Database.Database, sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);

describe('audit hash chain', () => {
  it('verifies an untouched log and reports its head', () => {
    const { registro } = filled();
    const verdict = registro.verify();
    expect(verdict).toMatchObject({ ok: true, entries: 5 });
    expect(verdict.ok && verdict.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects an edited field', () => {
    const { db, registro } = filled();
    tamper(db, `UPDATE audit_log SET data = json_set(data, '$.canale', 'sms') WHERE seq = 3`);
    expect(registro.verify()).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/modificato/) });
  });

  it('detects an edited entry whose own hash was recomputed: the next link breaks', () => {
    const { db, registro } = filled();
    const row = [...registro.entries()].find((r) => r.seq === 2)!;
    const edited = { ...row, operatore: 'altro' };
    tamper(db, `UPDATE audit_log SET operatore = 'altro', hash = ? WHERE seq = 2`, entryHash(edited));
    expect(registro.verify()).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/collegamento/) });
  });

  it('detects a deleted entry', () => {
    const { db, registro } = filled();
    tamper(db, 'DELETE FROM audit_log WHERE seq = 2');
    expect(registro.verify()).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/cancellata/) });
  });

  it('detects a deleted entry whose successors were renumbered', () => {
    const { db, registro } = filled();
    tamper(db, 'DELETE FROM audit_log WHERE seq = 2');
    for (const seq of [3, 4, 5]) tamper(db, 'UPDATE audit_log SET seq = ? WHERE seq = ?', seq - 1, seq);
    expect(registro.verify()).toMatchObject({ ok: false, seq: 2 });
  });

  it('detects two entries swapped', () => {
    const { db, registro } = filled();
    tamper(db, 'UPDATE audit_log SET seq = 100 WHERE seq = 2');
    tamper(db, 'UPDATE audit_log SET seq = 2 WHERE seq = 4');
    tamper(db, 'UPDATE audit_log SET seq = 4 WHERE seq = 100');
    expect(registro.verify()).toMatchObject({ ok: false, seq: 2 });
  });

  it('refuses an entry with a field that could hold a secret', () => {
    const { registro } = filled(1);
    expect(() => registro.append('rilascio', 'mario.rossi', { pin: '12' })).toThrow(/riservato/);
    expect(() => registro.append('rilascio', 'mario.rossi', { dettagli: { puk: '12' } })).toThrow(/riservato/);
    expect(registro.verify()).toMatchObject({ ok: true, entries: 1 });
  });
});
