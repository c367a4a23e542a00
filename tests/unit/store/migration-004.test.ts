import { describe, expect, it } from 'vitest';
import { isStrict, memoryDbUpTo } from './migrate-upto';

describe('migration 004-allegati', () => {
  it('stores blobs once by sha256 and links them to citizens and pratiche', () => {
    const db = memoryDbUpTo(4);
    for (const t of ['blobs', 'allegati', 'pratica_allegati']) expect(isStrict(db, t)).toBe(true);
    const sha = 'a'.repeat(64);
    db.prepare(`INSERT INTO blobs VALUES (?, 10, 'now')`).run(sha);
    expect(() => db.prepare(`INSERT INTO blobs VALUES (?, 10, 'now')`).run(sha)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare(`INSERT INTO blobs VALUES ('short', 10, 'now')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO blobs VALUES (?, 0, 'now')`).run('b'.repeat(64))).toThrow(/CHECK/);
    db.prepare(`INSERT INTO allegati VALUES ('al1', 'CF', ?, 'x.pdf', 'application/pdf', 10, NULL, 'now')`).run(sha);
    expect(() => db.prepare(`INSERT INTO pratica_allegati VALUES ('nessuna', 'isee', 'al1', 'now')`).run()).toThrow(/FOREIGN KEY/);
  });
});
