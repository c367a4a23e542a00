/**
 * The module of a pratica a desk operator sent for a citizen who did not sign it with a card:
 * one per pratica, with how the operator identified the citizen (the document seen, its number,
 * the operator), which the module and the receipt state. `data_sha256` is the fingerprint of the
 * data and attachments the module shows, as for a signed module (010). Bytes in the content store.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 203,
  name: '203-moduli-per-conto',
  up(db) {
    db.exec(`
      CREATE TABLE moduli_per_conto (
        pratica_id TEXT PRIMARY KEY REFERENCES pratiche(id) ON DELETE CASCADE,
        operatore TEXT NOT NULL,
        operatore_nome TEXT NOT NULL,
        documento_tipo TEXT NOT NULL,
        documento_etichetta TEXT NOT NULL,
        documento_numero TEXT NOT NULL,
        pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
        pdf_size INTEGER NOT NULL CHECK (pdf_size > 0),
        data_sha256 TEXT NOT NULL CHECK (length(data_sha256) = 64),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
export default migration;
