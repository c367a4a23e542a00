/**
 * The service catalogue of each comune ("stanza"). Every row carries its tenant, so two
 * comuni never see each other's services. Texts the UI shows as a whole (the tenant's
 * topics, avvisi, FAQ...; a service's portal fields) are kept as validated JSON documents;
 * the columns are what we filter and join on.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 1,
  name: '001-catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE tenants (
        slug TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE services (
        tenant_slug TEXT NOT NULL REFERENCES tenants(slug) ON DELETE CASCADE,
        slug TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        topic_id TEXT,
        status INTEGER NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        PRIMARY KEY (tenant_slug, slug),
        UNIQUE (tenant_slug, id)
      ) STRICT;
      CREATE INDEX services_by_topic ON services (tenant_slug, topic_id);

      CREATE TABLE forms (
        tenant_slug TEXT NOT NULL REFERENCES tenants(slug) ON DELETE CASCADE,
        id TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        PRIMARY KEY (tenant_slug, id)
      ) STRICT;

      -- Forms with every nested form inlined and custom JavaScript removed, ready to
      -- validate offline; rebuilt whenever the tenant's forms are imported again.
      CREATE TABLE resolved_forms (
        tenant_slug TEXT NOT NULL REFERENCES tenants(slug) ON DELETE CASCADE,
        id TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        unsupported TEXT NOT NULL CHECK (json_valid(unsupported)),
        resolved_at TEXT NOT NULL,
        PRIMARY KEY (tenant_slug, id)
      ) STRICT;
    `);
  },
};
export default migration;
