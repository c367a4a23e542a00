import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';
import { columnsOf, memoryDbUpTo } from './migrate-upto';

describe('migration 007-pratiche-pagamento', () => {
  it('adds a boolean payment acknowledgement defaulting to 0, keeping existing pratiche', () => {
    const db = memoryDbUpTo(6);
    db.prepare(`INSERT INTO pratiche (id, citizen_cf, tenant_slug, service_slug, service_id, status, step_id, created_at, updated_at)
      VALUES ('p1', 'CF', 't', 's', 'sid', 1000, 'istruzioni', 'now', 'now')`).run();
    expect(runMigrations(db, migrations.filter((m) => m.id <= 7))).toEqual([7]);
    expect(columnsOf(db, 'pratiche')).toContain('payment_acknowledged');
    expect(db.prepare('SELECT payment_acknowledged AS v FROM pratiche').get()).toEqual({ v: 0 });
    expect(() => db.prepare('UPDATE pratiche SET payment_acknowledged = 2').run()).toThrow(/CHECK/);
  });
});
