import { describe, expect, it } from 'vitest';
import { columnsOf, isStrict, memoryDbUpTo } from './migrate-upto';

describe('migration 006-outbox', () => {
  it('creates the outbox documented in store/README.md', () => {
    const db = memoryDbUpTo(6);
    expect(isStrict(db, 'outbox')).toBe(true);
    expect(columnsOf(db, 'outbox')).toEqual(['id', 'kind', 'pratica_id', 'tenant_slug', 'payload', 'created_at', 'state', 'attempts', 'last_error']);
    expect(() =>
      db.prepare(`INSERT INTO outbox (kind, pratica_id, tenant_slug, payload, created_at) VALUES ('pratica.submit', 'nessuna', 't', '{}', 'now')`).run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
