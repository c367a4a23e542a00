import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';
import { createModuliPerContoRepo } from '../../../electron/core/store/moduli-per-conto-repo';
import { isStrict, memoryDbUpTo } from './migrate-upto';

const h = (c: string) => c.repeat(64);

describe('migration 203-moduli-per-conto', () => {
  it("adds a strict table of the desk's unsigned modules, one per pratica, with the identification they state", () => {
    const db = memoryDbUpTo(202);
    db.prepare(`INSERT INTO pratiche (id, citizen_cf, tenant_slug, service_slug, service_id, status, step_id, created_at, updated_at) VALUES (?, 'CF', 't', 's', 'sid', 1000, 'riepilogo', 'now', 'now')`).run('p1');
    const applied = runMigrations(db, migrations.filter((m) => m.id <= 203));
    const repo = createModuliPerContoRepo(db as never);
    expect({ applied, strict: isStrict(db, 'moduli_per_conto') }).toEqual({ applied: [203], strict: true });
    const first = {
      praticaId: 'p1', pdfSha256: h('a'), pdfSize: 10, dataSha256: h('c'), operatore: 'mario.bianchi', operatoreNome: 'Mario Bianchi',
      documento: { tipo: 'carta-identita', etichetta: "Carta d'identità", numero: 'CA1234567' }, createdAt: 't1',
    };
    // A second attempt to send the pratica makes its module again: the newer one stands.
    const again = { ...first, pdfSha256: h('d'), createdAt: 't2' };
    for (const m of [first, again]) repo.save(m);
    expect([repo.get('p1'), repo.get('nessuna')]).toEqual([again, null]);
    const refusals = [{ ...first, praticaId: 'inesistente' }, { ...first, pdfSha256: 'corto' }].map((m) => {
      try {
        repo.save(m);
        return 'salvato';
      } catch (error) {
        return String(error);
      }
    });
    expect(refusals).toEqual([expect.stringMatching(/FOREIGN KEY/), expect.stringMatching(/CHECK/)]);
  });
});
