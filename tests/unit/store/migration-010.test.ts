import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';
import { createModuliFirmatiRepo } from '../../../electron/core/store/moduli-firmati-repo';
import { columnsOf, isStrict, memoryDbUpTo } from './migrate-upto';

const h = (c: string) => c.repeat(64);

describe('migration 010-moduli-firmati', () => {
  it('adds a strict table of signed modules, one per pratica, replaced by a new signature', () => {
    const db = memoryDbUpTo(9);
    db.prepare(`INSERT INTO pratiche (id, citizen_cf, tenant_slug, service_slug, service_id, status, step_id, created_at, updated_at)
      VALUES ('p1', 'CF', 't', 's', 'sid', 1000, 'istruzioni', 'now', 'now')`).run();
    expect(runMigrations(db, migrations.filter((m) => m.id <= 10))).toEqual([10]);
    expect(isStrict(db, 'moduli_firmati')).toBe(true);
    expect(columnsOf(db, 'moduli_firmati')).toEqual(['pratica_id', 'pdf_sha256', 'p7m_sha256', 'p7m_size', 'data_sha256', 'signer_cf', 'signed_at']);
    const repo = createModuliFirmatiRepo(db as never);
    const first = { praticaId: 'p1', pdfSha256: h('a'), p7mSha256: h('b'), p7mSize: 10, dataSha256: h('c'), signerCf: 'CF', signedAt: 't1' };
    repo.save(first);
    repo.save({ ...first, p7mSha256: h('d'), signedAt: 't2' });
    expect(repo.get('p1')).toEqual({ ...first, p7mSha256: h('d'), signedAt: 't2' });
    expect(repo.get('nessuna')).toBeNull();
    expect(() => repo.save({ ...first, praticaId: 'inesistente' })).toThrow(/FOREIGN KEY/);
    expect(() => repo.save({ ...first, pdfSha256: 'corto' })).toThrow(/CHECK/);
  });
});
