/**
 * The citizen's confirmation, on the Pagamento step, that they saw the amount and how
 * they will pay; kept apart from the form data, which goes to the portal as it is.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 7,
  name: '007-pratiche-pagamento',
  up(db) {
    db.exec(`ALTER TABLE pratiche ADD COLUMN payment_acknowledged INTEGER NOT NULL DEFAULT 0 CHECK (payment_acknowledged IN (0, 1))`);
  },
};
export default migration;
