import { describe, expect, it } from 'vitest';
import { columnsOf, isStrict, memoryDbUpTo } from './migrate-upto';

const insert = `INSERT INTO pratiche (id, citizen_cf, tenant_slug, service_slug, service_id, status, step_id, note, created_at, updated_at)
  VALUES (?, 'RSSMRA80A01H501U', 't', 's', 'sid', 1000, 'istruzioni', ?, 'now', 'now')`;

describe('migration 003-pratiche', () => {
  it('creates strict pratiche with a bounded note and a cascading history', () => {
    const db = memoryDbUpTo(3);
    expect(isStrict(db, 'pratiche')).toBe(true);
    expect(isStrict(db, 'pratiche_history')).toBe(true);
    expect(columnsOf(db, 'pratiche')).toContain('revision');
    db.prepare(insert).run('p1', 'x'.repeat(2000));
    expect(() => db.prepare(insert).run('p2', 'x'.repeat(2001))).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE pratiche SET status = 'bozza'`).run()).toThrow(/INTEGER/);
    db.prepare(`INSERT INTO pratiche_history (pratica_id, status, at) VALUES ('p1', 1000, 'now')`).run();
    db.prepare(`DELETE FROM pratiche WHERE id = 'p1'`).run();
    expect(db.prepare('SELECT count(*) AS n FROM pratiche_history').get()).toEqual({ n: 0 });
  });
});
