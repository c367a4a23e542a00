/**
 * OURS: what tests ask the reference portal directly (not over HTTP): which applications carry a
 * client reference, and the SHA-256 of the bytes it actually stored for each file it linked.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { filePath } from './portal-db';
import type { Portal } from './server';

export interface StoredApplication {
  id: string;
  status: number;
  serviceId: string;
  data: Record<string, unknown>;
  /** SHA-256 of each attached file's stored bytes, recomputed from disk. */
  attachmentDigests: string[];
}

type Row = { id: string; status: number; service_id: string; data: string };

function stored(portal: Portal, r: Row): StoredApplication {
  const files = portal.db.prepare(`SELECT upload_id FROM application_files WHERE application_id = ? AND kind = 'attachment'`).pluck().all(r.id) as string[];
  return {
    id: r.id,
    status: r.status,
    serviceId: r.service_id,
    data: (JSON.parse(r.data) as { data: Record<string, unknown> }).data,
    attachmentDigests: files.map((f) => createHash('sha256').update(readFileSync(filePath(portal.dataDir, f))).digest('hex')).sort(),
  };
}

export function applicationsWithReference(portal: Portal, key: string, reference: string): StoredApplication[] {
  const rows = portal.db
    .prepare(`SELECT id, status, service_id, data FROM applications WHERE json_extract(data, ?) = ? ORDER BY seq`)
    .all(`$.data.${key}`, reference) as Row[];
  return rows.map((r) => stored(portal, r));
}

/** The application with the portal's id `id`, as stored; null when there is none. */
export function storedApplication(portal: Portal, id: string): StoredApplication | null {
  const row = portal.db.prepare('SELECT id, status, service_id, data FROM applications WHERE id = ?').get(id) as Row | undefined;
  return row ? stored(portal, row) : null;
}

export function applicationCount(portal: Portal): number {
  return portal.db.prepare('SELECT count(*) FROM applications').pluck().get() as number;
}
