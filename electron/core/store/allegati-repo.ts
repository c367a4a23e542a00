/**
 * Attachment records: content by SHA-256 (`blobs`), a citizen's library (`allegati`,
 * "I miei allegati") and which document fills which slot of a pratica.
 *
 * `sealer`: on a kiosk a draft's document name ("Certificato Mario Rossi.pdf" says whose it is)
 * is sealed with the citizen's card like the draft's texts (text-sealer.ts); a row whose name
 * cannot be opened now is listed as "documento", so a list never fails on it.
 */
import { DomainError } from '../errors';
import { guard, type Db } from './database';
import { unsealed, type TextSealer } from './text-sealer';

/** What a list shows for a document whose name is sealed by a card that is not here. */
const NOME_SIGILLATO = 'documento';

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

const recordOf = (r: Row, name: string): AllegatoRecord => ({
  id: r.id,
  citizenCf: r.citizen_cf,
  sha256: r.sha256,
  name,
  mimeType: r.mime_type,
  size: r.size,
  pdfa: r.pdfa,
  createdAt: r.created_at,
  sealedSha256: r.sealed_sha256,
});

export function createAllegatiRepo(db: Db, sealer: TextSealer = unsealed) {
  /** The name, or null when it is sealed by a card that is not here. */
  const nameOf = (r: Row): string | null => {
    try {
      return sealer.open(r.citizen_cf, r.name);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return null;
    }
  };
  const opened = (r: Row): AllegatoRecord => recordOf(r, nameOf(r) ?? NOME_SIGILLATO);

  const s = {
    blob: db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)'),
    add: db.prepare(`INSERT INTO allegati (id, citizen_cf, sha256, name, mime_type, size, pdfa, created_at, sealed_sha256)
      VALUES (@id, @citizenCf, @sha256, @name, @mimeType, @size, @pdfa, @createdAt, @sealedSha256) ON CONFLICT (citizen_cf, sha256, name) DO NOTHING`),
    unseal: db.prepare('UPDATE allegati SET sealed_sha256 = NULL, name = ? WHERE id = ? AND sealed_sha256 = ?'),
    sameContent: db.prepare('SELECT * FROM allegati WHERE citizen_cf = ? AND sha256 = ?'),
    get: db.prepare('SELECT * FROM allegati WHERE id = ? AND citizen_cf = ?'),
    library: db.prepare('SELECT * FROM allegati WHERE citizen_cf = ? ORDER BY created_at DESC, name'),
    link: db.prepare('INSERT OR IGNORE INTO pratica_allegati (pratica_id, slot_key, allegato_id, added_at) VALUES (?, ?, ?, ?)'),
    unlink: db.prepare('DELETE FROM pratica_allegati WHERE pratica_id = ? AND slot_key = ? AND allegato_id = ?'),
    ofPratica: db.prepare(`SELECT pa.slot_key, a.* FROM pratica_allegati pa JOIN allegati a ON a.id = pa.allegato_id
      WHERE pa.pratica_id = ? ORDER BY pa.added_at, a.name`),
  };

  /**
   * Records the content and the library entry (once per citizen, content and name); returns the entry.
   * A sealed name differs at every write (a fresh nonce), so the one the citizen has is found by opening names.
   */
  const add = db.transaction((a: AllegatoRecord): AllegatoRecord => {
    s.blob.run(a.sha256, a.size, a.createdAt);
    const same = (s.sameContent.all(a.citizenCf, a.sha256) as Row[]).find((r) => nameOf(r) === a.name);
    if (same) return opened(same);
    s.add.run({ ...a, name: sealer.seal(a.citizenCf, a.name) });
    return opened(s.get.get(a.id, a.citizenCf) as Row);
  });

  return {
    add: (a: AllegatoRecord): AllegatoRecord => guard(() => add(a)),
    get: (id: string, cf: string): AllegatoRecord | undefined => {
      const r = s.get.get(id, cf) as Row | undefined;
      return r ? opened(r) : undefined;
    },
    library: (cf: string): AllegatoRecord[] => (s.library.all(cf) as Row[]).map(opened),
    /** The pratica is sent: the document and its name are now stored as themselves (sync uploads them), the sealed file can go. */
    unsealed: (a: AllegatoRecord & { sealedSha256: string }): boolean => guard(() => s.unseal.run(a.name, a.id, a.sealedSha256).changes === 1),
    link: (praticaId: string, slotKey: string, allegatoId: string, now: string): void => void guard(() => s.link.run(praticaId, slotKey, allegatoId, now)),
    unlink: (praticaId: string, slotKey: string, allegatoId: string): boolean => guard(() => s.unlink.run(praticaId, slotKey, allegatoId).changes === 1),
    ofPratica: (praticaId: string): (AllegatoRecord & { slotKey: string })[] =>
      (s.ofPratica.all(praticaId) as (Row & { slot_key: string })[]).map((r) => ({ ...opened(r), slotKey: r.slot_key })),
  };
}

export type AllegatiRepo = ReturnType<typeof createAllegatiRepo>;
