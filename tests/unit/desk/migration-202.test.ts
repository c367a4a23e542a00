import { describe, expect, it } from 'vitest';
import { columnsOf, memoryDbUpTo } from '../store/migrate-upto';

describe('migration 202-audit-sigillo', () => {
  it('adds mac to audit_log, refuses UPDATE and DELETE, and allows only sealing an unsealed row', () => {
    const db = memoryDbUpTo(201);
    db.prepare(`INSERT INTO audit_log (seq, at, kind, data, prev_hash, hash) VALUES (1, 'ieri', 'rilascio', '{}', '0', 'h1')`).run();
    const m202 = memoryDbUpTo(202);
    expect(columnsOf(m202, 'audit_log')).toContain('mac');
    m202.prepare(`INSERT INTO audit_log (seq, at, kind, data, prev_hash, hash) VALUES (1, 'ieri', 'rilascio', '{}', '0', 'h1')`).run();
    m202.prepare(`UPDATE audit_log SET mac = 'm1' WHERE seq = 1`).run();
    expect(() => m202.prepare(`UPDATE audit_log SET mac = 'm2' WHERE seq = 1`).run()).toThrow(/non si modificano/);
    expect(() => m202.prepare(`UPDATE audit_log SET kind = 'altro', mac = 'm3' WHERE seq = 1`).run()).toThrow(/non si modificano/);
    expect(() => m202.prepare('DELETE FROM audit_log').run()).toThrow(/non si cancellano/);
    expect(m202.prepare('SELECT mac FROM audit_log').pluck().get()).toBe('m1');
  });
});
