import { describe, expect, it } from 'vitest';
import { columnsOf, isStrict, memoryDbUpTo } from '../store/migrate-upto';

describe('migration 201-desk', () => {
  it('creates STRICT operatori and audit_log tables with their constraints', () => {
    const db = memoryDbUpTo(201);
    expect(isStrict(db, 'operatori')).toBe(true);
    expect(isStrict(db, 'audit_log')).toBe(true);
    expect(columnsOf(db, 'audit_log')).toEqual(['seq', 'at', 'kind', 'operatore', 'data', 'prev_hash', 'hash']);
    expect(() =>
      db.prepare(`INSERT INTO operatori (username, nome, ruolo, password_hash, creato_il) VALUES ('mario', 'Mario', 'capo', 'x', 'now')`).run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO audit_log (seq, at, kind, data, prev_hash, hash) VALUES (1, 'now', 'k', 'non json', '0', 'h')`).run()).toThrow(
      /CHECK/,
    );
  });
});
