import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';
import { createAllegatiRepo } from '../../../electron/core/store/allegati-repo';
import { memoryDbUpTo } from './migrate-upto';

const SHA = 'a'.repeat(64);

describe('migration 015-allegati-sigillati', () => {
  it("keeps the library a previous version stored, each document its own file; a sealed file's name is a SHA-256", () => {
    const db = memoryDbUpTo(14);
    db.prepare(`INSERT INTO blobs (sha256, size, created_at) VALUES (?, 4, 'prima')`).run(SHA);
    db.prepare(`INSERT INTO allegati (id, citizen_cf, sha256, name, mime_type, size, pdfa, created_at) VALUES ('a1', 'RSSMRA80A01H501U', ?, 'isee.pdf', 'application/pdf', 4, NULL, 'prima')`).run(SHA);

    expect(runMigrations(db, migrations.filter((m) => m.id <= 15))).toEqual([15]);

    expect(createAllegatiRepo(db).get('a1', 'RSSMRA80A01H501U')).toMatchObject({ sha256: SHA, name: 'isee.pdf', sealedSha256: null });
    expect(() => db.prepare(`UPDATE allegati SET sealed_sha256 = 'corto' WHERE id = 'a1'`).run()).toThrow(/CHECK/);
  });
});
