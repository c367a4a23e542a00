import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';
import { columnsOf, memoryDbUpTo } from './migrate-upto';

describe('migration 009-catalogue-summary', () => {
  it('fills the summary columns from existing documents and ranks the index by weighted bm25', () => {
    const db = memoryDbUpTo(8);
    db.prepare(`INSERT INTO tenants VALUES ('a', 'id-a', 'A', '{}', 'now')`).run();
    const doc = JSON.stringify({ short_description: 'Mensa a scuola', payment_required: 1, access_level: 3000 });
    db.prepare(`INSERT INTO services (tenant_slug, slug, id, name, topic_id, status, document) VALUES ('a', 'mensa', 's1', 'Mensa', NULL, 1, ?)`).run(doc);
    const fts = db.prepare(`INSERT INTO services_fts (tenant_slug, slug, name, summary, body) VALUES ('a', ?, ?, ?, ?)`);
    fts.run('nel-corpo', 'altro', 'altro', 'mens mens mens');
    fts.run('nel-nome', 'mens', 'altro', 'altro');
    expect(runMigrations(db, migrations.filter((m) => m.id <= 9))).toEqual([9]);
    expect(columnsOf(db, 'services')).toEqual(expect.arrayContaining(['short_description', 'payment_required', 'access_level']));
    expect(db.prepare('SELECT short_description, payment_required, access_level FROM services').get()).toEqual({
      short_description: 'Mensa a scuola',
      payment_required: 1,
      access_level: 3000,
    });
    const ranked = db.prepare(`SELECT slug FROM services_fts WHERE services_fts MATCH 'mens' ORDER BY rank`).pluck().all();
    expect(ranked).toEqual(['nel-nome', 'nel-corpo']);
  });
});
