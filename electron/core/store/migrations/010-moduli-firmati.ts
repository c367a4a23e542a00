/**
 * The module a citizen signed with the card, one per pratica (a new signature replaces
 * the previous one). `data_sha256` is the fingerprint of the data and attachments the
 * module shows: a submission whose data no longer match it needs a new signature.
 * The bytes are in the content store (`<dataDir>/allegati/<sha256>`).
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 10,
  name: '010-moduli-firmati',
  up(db) {
    db.exec(`CREATE TABLE moduli_firmati (
      pratica_id TEXT PRIMARY KEY REFERENCES pratiche(id) ON DELETE CASCADE,
      pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
      p7m_sha256 TEXT NOT NULL CHECK (length(p7m_sha256) = 64),
      p7m_size INTEGER NOT NULL CHECK (p7m_size > 0),
      data_sha256 TEXT NOT NULL CHECK (length(data_sha256) = 64),
      signer_cf TEXT NOT NULL,
      signed_at TEXT NOT NULL
    ) STRICT`);
  },
};
export default migration;
