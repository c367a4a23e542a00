/** Sync's migrations (101-107) on an in-memory database, after the store's own. */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database';

describe('migrazioni 101-107', () => {
  it('creano le tabelle di invio, di stato remoto, dei messaggi, pagamento e appuntamenti, e il flag sulla pratica', () => {
    const db = openDatabase(':memory:');
    const ids = db.prepare('SELECT id FROM schema_migrations WHERE id BETWEEN 100 AND 199 ORDER BY id').pluck().all();
    expect(ids).toEqual([101, 102, 103, 104, 105, 106, 107]);
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('outbox_sending')).toEqual(['outbox_id', 'next_attempt_at', 'create_started_at', 'remote_id', 'parked_at', 'sent_at', 'lease_owner', 'lease_until']);
    expect(columns('outbox_uploads')).toEqual(['outbox_id', 'file_key', 'upload_id', 'sha256']);
    expect(columns('remote_pratiche')).toEqual(expect.arrayContaining(['final_at', 'payment', 'meetings']));
    expect(columns('pratiche')).toContain('catalogue_changed_at');
    expect(columns('messaggi')).toEqual(['id', 'pratica_id', 'remote_id', 'da', 'testo', 'scritto_il', 'integrazione', 'letto_il', 'svuotato_il']);
    expect(columns('messaggi_allegati')).toEqual(['messaggio_id', 'posizione', 'remote_id', 'nome', 'mime_type', 'sha256', 'dimensione']);
    db.close();
  });

  it('rifiutano dati incoerenti (STRICT, vincoli)', () => {
    const db = openDatabase(':memory:');
    db.prepare(`INSERT INTO pratiche (id, citizen_cf, tenant_slug, service_slug, service_id, status, step_id, created_at, updated_at)
      VALUES ('p', 'CF', 't', 's', 'sid', 1900, 'x', 'now', 'now')`).run();
    db.prepare(`INSERT INTO outbox (kind, pratica_id, tenant_slug, payload, created_at) VALUES ('pratica.submit', 'p', 't', '{}', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO outbox_uploads (outbox_id, file_key, upload_id, sha256) VALUES (1, 'k', 'u', 'corto')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO remote_pratiche (pratica_id, remote_id, status, checked_at, history) VALUES ('p', 'r', 'x', 'now', '[]')`).run()).toThrow();
    expect(() => db.prepare(`INSERT INTO remote_pratiche (pratica_id, remote_id, status, checked_at, outcome) VALUES ('p', 'r', 2000, 'now', 5)`).run()).toThrow(/CHECK/);
    db.close();
  });
});
