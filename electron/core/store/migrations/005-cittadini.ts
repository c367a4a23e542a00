/**
 * The citizen's profile (what the card says, plus the contatti they may change) and
 * their acceptances of each comune's terms of use, one row per version accepted.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 5,
  name: '005-cittadini',
  up(db) {
    db.exec(`
      CREATE TABLE profiles (
        citizen_cf TEXT PRIMARY KEY,
        card TEXT NOT NULL CHECK (json_valid(card)),
        email TEXT,
        phone TEXT,
        address TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE terms_acceptances (
        citizen_cf TEXT NOT NULL,
        tenant_slug TEXT NOT NULL,
        version TEXT NOT NULL,
        accepted_at TEXT NOT NULL,
        PRIMARY KEY (citizen_cf, tenant_slug, version)
      ) STRICT;
    `);
  },
};
export default migration;
