import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';
import { columnsOf, isStrict, memoryDbUpTo } from '../store/migrate-upto';

describe('migration 011-form-helper-cache', () => {
  it('adds a strict table of the form helper answers, one per tenant and request', () => {
    const db = memoryDbUpTo(10);
    expect(runMigrations(db, migrations.filter((m) => m.id <= 11))).toEqual([11]);
    expect(isStrict(db, 'form_helper_cache')).toBe(true);
    expect(columnsOf(db, 'form_helper_cache')).toEqual(['tenant_slug', 'request_key', 'body', 'fetched_at']);
    const insert = db.prepare('INSERT INTO form_helper_cache (tenant_slug, request_key, body, fetched_at) VALUES (?, ?, ?, ?)');
    insert.run('comune-di-prova', 'categories', '[]', '2026-12-07T10:00:00.000Z');
    insert.run('comune-di-altrove', 'categories', '[]', '2026-12-07T10:00:00.000Z');
    expect(() => insert.run('comune-di-prova', 'categories', '[]', 'x')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('comune-di-prova', '', '[]', 'x')).toThrow(/CHECK/);
    expect(() => insert.run('comune-di-prova', 'services', null, 'x')).toThrow(/NOT NULL/);
    const indexes = db.prepare("SELECT name FROM pragma_index_list('form_helper_cache')").pluck().all();
    expect(indexes).toContain('form_helper_cache_by_age');
  });
});
