/**
 * The payment the portal asks for a pratica (a deferred pagoPA payment once the office accepted it,
 * statuses 1500-1530), as its payment stack describes it: amount, causale, codice avviso, IUV, due
 * date, state and the links to pay online and to the notice; null while there is none.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 106,
  name: '106-remote-pagamento',
  up(db) {
    db.exec(`ALTER TABLE remote_pratiche ADD COLUMN payment TEXT CHECK (payment IS NULL OR json_valid(payment));`);
  },
};
export default migration;
