/**
 * A lease on each outbox item being sent. Before sending, a worker claims due items in one
 * IMMEDIATE transaction (SQLite serialises writers across processes), writing its own id and
 * an expiry; an item whose lease has not expired is nobody else's to take. The claim is
 * checked again, in the same transaction, when `create_started_at` is committed: a worker
 * that lost its lease (it stalled past the expiry and another took over) stops before the
 * create, so two processes on one database can never both create the same application.
 * A crashed worker's leases simply expire.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 104,
  name: '104-outbox-lease',
  up(db) {
    db.exec(`
      ALTER TABLE outbox_sending ADD COLUMN lease_owner TEXT;
      ALTER TABLE outbox_sending ADD COLUMN lease_until TEXT;
    `);
  },
};
export default migration;
