/**
 * The appointments booked from a pratica (the portal's meetings of the application, Pratica::$meetings):
 * when, where, and their state, as the status pull last read them; `[]` while there is none.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 107,
  name: '107-remote-appuntamenti',
  up(db) {
    db.exec(`ALTER TABLE remote_pratiche ADD COLUMN meetings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(meetings));`);
  },
};
export default migration;
