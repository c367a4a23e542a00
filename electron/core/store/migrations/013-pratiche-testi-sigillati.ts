/**
 * Room for sealed texts. On a kiosk the note and the description of a draft are stored sealed with
 * the citizen's card (pratiche/cassetta-bozze.ts): AES-GCM and Base64 make a text of the largest
 * size the app accepts (2000 and 500 characters, up to 3 bytes each in UTF-8) about 8,100 and
 * 2,100 characters long, beyond the columns' CHECKs of 003. The limits a person meets stay in code
 * (pratiche.ts); the columns keep a bound with room for the sealed form.
 *
 * SQLite changes a CHECK only by rebuilding the table: the current definition (with the columns
 * later migrations added) is copied with the two bounds changed, the rows moved, the indexes made
 * again. Foreign keys are off meanwhile (`rebuildsTables`), so dropping the old table deletes
 * nothing that refers to it.
 */
import type { Migration } from './migration';

const LIMITI = [
  ['CHECK (length(note) <= 2000)', 'CHECK (length(note) <= 10000)'],
  ['CHECK (length(description) <= 500)', 'CHECK (length(description) <= 3000)'],
] as const;

const migration: Migration = {
  id: 13,
  name: '013-pratiche-testi-sigillati',
  rebuildsTables: true,
  up(db) {
    const schema = db.prepare(`SELECT type, sql FROM sqlite_schema WHERE tbl_name = 'pratiche' AND sql IS NOT NULL`).all() as { type: string; sql: string }[];
    const table = schema.find((s) => s.type === 'table');
    if (!table) throw new Error('tabella pratiche assente');
    let definition = table.sql;
    for (const [prima, dopo] of LIMITI) {
      if (!definition.includes(prima)) throw new Error(`tabella pratiche: vincolo atteso assente (${prima})`);
      definition = definition.replace(prima, dopo);
    }
    db.exec(definition.replace(/^CREATE TABLE pratiche\b/, 'CREATE TABLE pratiche_nuova'));
    db.exec('INSERT INTO pratiche_nuova SELECT * FROM pratiche');
    db.exec('DROP TABLE pratiche');
    db.exec('ALTER TABLE pratiche_nuova RENAME TO pratiche');
    for (const other of schema.filter((s) => s.type !== 'table')) db.exec(other.sql);
  },
};
export default migration;
