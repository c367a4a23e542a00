/**
 * Attachment records: content by SHA-256 (`blobs`), a citizen's library (`allegati`,
 * "I miei allegati") and which document fills which slot of a pratica.
 */
import { guard, type Db } from './database';

export interface AllegatoRecord {
  id: string;
  citizenCf: string;
  sha256: string;
  name: string;
  mimeType: string;
  size: number;
  /** The PDF/A level declared in the file's XMP ("2b"...), null when none. */
  pdfa: string | null;
  createdAt: string;
  /** On a kiosk, the stored file of the document sealed with the citizen's card (migration 015); null: the file is `sha256`. */
  sealedSha256: string | null;
}

interface Row {
  id: string;
  citizen_cf: string;
  sha256: string;
  name: string;
  mime_type: string;
  size: number;
  pdfa: string | null;
  created_at: string;
  sealed_sha256: string | null;
}

const recordOf = (r: Row): AllegatoRecord => ({
  id: r.id,
  citizenCf: r.citizen_cf,
  sha256: r.sha256,
  name: r.name,
  mimeType: r.mime_type,
  size: r.size,
  pdfa: r.pdfa,
  createdAt: r.created_at,
  sealedSha256: r.sealed_sha256,
});

export function createAllegatiRepo(db: Db) {
  const s = {
    blob: db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)'),
    add: db.prepare(`INSERT INTO allegati (id, citizen_cf, sha256, name, mime_type, size, pdfa, created_at, sealed_sha256)
      VALUES (@id, @citizenCf, @sha256, @name, @mimeType, @size, @pdfa, @createdAt, @sealedSha256) ON CONFLICT (citizen_cf, sha256, name) DO NOTHING`),
    unseal: db.prepare('UPDATE allegati SET sealed_sha256 = NULL WHERE id = ? AND sealed_sha256 = ?'),
    find: db.prepare('SELECT * FROM allegati WHERE citizen_cf = ? AND sha256 = ? AND name = ?'),
    get: db.prepare('SELECT * FROM allegati WHERE id = ? AND citizen_cf = ?'),
    library: db.prepare('SELECT * FROM allegati WHERE citizen_cf = ? ORDER BY created_at DESC, name'),
    link: db.prepare('INSERT OR IGNORE INTO pratica_allegati (pratica_id, slot_key, allegato_id, added_at) VALUES (?, ?, ?, ?)'),
    unlink: db.prepare('DELETE FROM pratica_allegati WHERE pratica_id = ? AND slot_key = ? AND allegato_id = ?'),
    ofPratica: db.prepare(`SELECT pa.slot_key, a.* FROM pratica_allegati pa JOIN allegati a ON a.id = pa.allegato_id
      WHERE pa.pratica_id = ? ORDER BY pa.added_at, a.name`),
  };

  /** Records the content and the library entry (once per citizen, content and name); returns the entry. */
  const add = db.transaction((a: AllegatoRecord): AllegatoRecord => {
    s.blob.run(a.sha256, a.size, a.createdAt);
    s.add.run(a);
    return recordOf(s.find.get(a.citizenCf, a.sha256, a.name) as Row);
  });

  return {
    add: (a: AllegatoRecord): AllegatoRecord => guard(() => add(a)),
    get: (id: string, cf: string): AllegatoRecord | undefined => {
      const r = s.get.get(id, cf) as Row | undefined;
      return r ? recordOf(r) : undefined;
    },
    library: (cf: string): AllegatoRecord[] => (s.library.all(cf) as Row[]).map(recordOf),
    /** The document is now stored as itself (under `sha256`): the sealed file can go. */
    unsealed: (id: string, sealedSha256: string): boolean => guard(() => s.unseal.run(id, sealedSha256).changes === 1),
    link: (praticaId: string, slotKey: string, allegatoId: string, now: string): void => void guard(() => s.link.run(praticaId, slotKey, allegatoId, now)),
    unlink: (praticaId: string, slotKey: string, allegatoId: string): boolean => guard(() => s.unlink.run(praticaId, slotKey, allegatoId).changes === 1),
    ofPratica: (praticaId: string): (AllegatoRecord & { slotKey: string })[] =>
      (s.ofPratica.all(praticaId) as (Row & { slot_key: string })[]).map((r) => ({ ...recordOf(r), slotKey: r.slot_key })),
  };
}

export type AllegatiRepo = ReturnType<typeof createAllegatiRepo>;
