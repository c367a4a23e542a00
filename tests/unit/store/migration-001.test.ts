import { describe, expect, it } from 'vitest';
import { columnsOf, isStrict, memoryDbUpTo } from './migrate-upto';

describe('migration 001-catalogue', () => {
  it('creates strict catalogue tables isolated by tenant', () => {
    const db = memoryDbUpTo(1);
    for (const t of ['tenants', 'services', 'forms', 'resolved_forms']) expect(isStrict(db, t)).toBe(true);
    expect(columnsOf(db, 'services')).toEqual(['tenant_slug', 'slug', 'id', 'name', 'topic_id', 'status', 'document']);
    db.prepare(`INSERT INTO tenants VALUES ('a', 'id-a', 'A', '{}', 'now')`).run();
    db.prepare(`INSERT INTO tenants VALUES ('b', 'id-b', 'B', '{}', 'now')`).run();
    const add = db.prepare(`INSERT INTO services VALUES (?, 'mensa', ?, 'Mensa', NULL, 1, '{}')`);
    add.run('a', 's1');
    add.run('b', 's1');
    expect(() => add.run('a', 's2')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO services VALUES ('zzz', 'x', 'y', 'n', NULL, 1, '{}')`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO forms VALUES ('a', 'f', 'not json')`).run()).toThrow(/CHECK/);
    db.prepare(`DELETE FROM tenants WHERE slug = 'a'`).run();
    expect(db.prepare(`SELECT tenant_slug FROM services`).all()).toEqual([{ tenant_slug: 'b' }]);
  });
});
