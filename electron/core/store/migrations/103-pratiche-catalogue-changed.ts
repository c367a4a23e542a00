/**
 * A flag on the pratica, set by sync's catalogue refresh when the comune changed the service
 * of an open draft. The draft is kept as it is; the pratiche UI shows the citizen a notice
 * ("Il Comune ha aggiornato questo servizio...") while the flag is set, and clears it once the
 * citizen has seen it.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 103,
  name: '103-pratiche-catalogue-changed',
  up(db) {
    db.exec(`ALTER TABLE pratiche ADD COLUMN catalogue_changed_at TEXT`);
  },
};
export default migration;
