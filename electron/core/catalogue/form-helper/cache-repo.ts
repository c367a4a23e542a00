/**
 * The form helper's answers kept for offline use (table `form_helper_cache`, migration 011): one
 * row per tenant and canonical request, replaced by each new answer. Rows older than `maxAgeDays`
 * are dropped and at most `maxRows` are kept, newest first, so the table cannot grow without bound
 * (calendar days roll on). Writes go through `guard`: a full disk is a StoreError, never a crash.
 */
import { guard, type Db } from '../../store/database';

export interface CachedAnswer {
  data: unknown;
  fetchedAt: string;
}

export interface FormHelperCache {
  get(tenant: string, key: string): CachedAnswer | null;
  put(tenant: string, key: string, data: unknown, fetchedAt: Date): void;
  forget(tenant: string, key: string): void;
}

export function createFormHelperCache(db: Db, limits: { maxAgeDays?: number; maxRows?: number } = {}): FormHelperCache {
  const maxAgeMs = (limits.maxAgeDays ?? 30) * 24 * 3600 * 1000;
  const maxRows = limits.maxRows ?? 5000;
  const s = {
    get: db.prepare('SELECT body, fetched_at FROM form_helper_cache WHERE tenant_slug = ? AND request_key = ?'),
    put: db.prepare(`INSERT INTO form_helper_cache (tenant_slug, request_key, body, fetched_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (tenant_slug, request_key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at`),
    forget: db.prepare('DELETE FROM form_helper_cache WHERE tenant_slug = ? AND request_key = ?'),
    pruneOld: db.prepare('DELETE FROM form_helper_cache WHERE fetched_at < ?'),
    pruneMany: db.prepare(`DELETE FROM form_helper_cache WHERE rowid NOT IN
      (SELECT rowid FROM form_helper_cache ORDER BY fetched_at DESC LIMIT ?)`),
  };
  const write = db.transaction((tenant: string, key: string, body: string, at: Date) => {
    s.put.run(tenant, key, body, at.toISOString());
    s.pruneOld.run(new Date(at.getTime() - maxAgeMs).toISOString());
    s.pruneMany.run(maxRows);
  });
  return {
    get(tenant, key) {
      const row = s.get.get(tenant, key) as { body: string; fetched_at: string } | undefined;
      return row ? { data: JSON.parse(row.body) as unknown, fetchedAt: row.fetched_at } : null;
    },
    put(tenant, key, data, fetchedAt) {
      guard(() => write(tenant, key, JSON.stringify(data), fetchedAt));
    },
    forget(tenant, key) {
      guard(() => s.forget.run(tenant, key));
    },
  };
}
