/**
 * Documents sealed with the citizen's card. On a kiosk a draft's document is stored sealed
 * (pratiche/cassetta-bozze.ts): the file on disk holds the sealed bytes, whose SHA-256 is
 * `sealed_sha256`; `sha256` stays the document's own (what the module lists and the portal
 * receives). NULL: the file under `sha256` is the document itself, as before.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 15,
  name: '015-allegati-sigillati',
  up(db) {
    db.exec('ALTER TABLE allegati ADD COLUMN sealed_sha256 TEXT CHECK (sealed_sha256 IS NULL OR length(sealed_sha256) = 64)');
  },
};
export default migration;
