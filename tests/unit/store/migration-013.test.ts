import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { memoryDbUpTo } from './migrate-upto';

const ID = '4f7d8a0e-3c1b-4a55-9d2e-0b6f7c8d9e01';
const CF = 'RSSMRA80A01H501U';
const NOW = '2026-12-03T10:00:00.000Z';
/** A text as large as a sealed 2000-character note (cassetta-bozze.ts's Base64 of AES-GCM). */
const SEALED_NOTE = `\u0001b1:${'A'.repeat(8100)}`;

describe('migration 013-pratiche-testi-sigillati', () => {
  it('gives the sealed note and description room, and keeps every row and every reference to the pratiche', () => {
    // An installation of the previous version: every migration but this one, and a sent pratica with its history, outbox row and portal record.
    const db = memoryDbUpTo(12);
    runMigrations(db, migrations.filter((m) => m.id !== 13));
    const pratiche = createPraticheRepo(db);
    pratiche.create({ id: ID, citizenCf: CF, tenantSlug: 't', serviceSlug: 's', serviceId: 'sid', status: 1000, stepId: 'x', data: { a: 1 }, openedBy: null }, NOW);
    pratiche.submit(ID, CF, 1900, NOW, { kind: 'pratica.submit', tenantSlug: 't', payload: { serviceId: 'sid', serviceSlug: 's', citizenFiscalCode: CF, data: {}, attachments: [], submittedAt: NOW } });
    db.prepare(`INSERT INTO remote_pratiche (pratica_id, remote_id, status, checked_at) VALUES (?, 'r-1', 2000, ?)`).run(ID, NOW);
    expect(() => pratiche.setTexts(ID, CF, { note: SEALED_NOTE, description: '' }, NOW)).toThrow();
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    const before = { history: count('pratiche_history'), outbox: count('outbox'), remote: count('remote_pratiche') };

    expect(runMigrations(db, migrations)).toEqual([13]);

    expect({ history: count('pratiche_history'), outbox: count('outbox'), remote: count('remote_pratiche') }).toEqual(before);
    expect(pratiche.get(ID, CF)).toMatchObject({ status: 1900, data: { a: 1 } });
    createPraticheRepo(db).setTexts(ID, CF, { note: SEALED_NOTE, description: `\u0001b1:${'B'.repeat(2100)}` }, NOW);
    // Still bounded, and still guarded: foreign keys are back on, indexes are there.
    expect(() => createPraticheRepo(db).setTexts(ID, CF, { note: 'x'.repeat(10_001), description: '' }, NOW)).toThrow();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare(`INSERT INTO outbox (kind, pratica_id, tenant_slug, payload, created_at) VALUES ('k', 'nessuna', 't', '{}', ?)`).run(NOW)).toThrow(/FOREIGN KEY/);
    const indexes = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'pratiche' AND sql IS NOT NULL ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['pratiche_by_citizen', 'pratiche_drafts']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
