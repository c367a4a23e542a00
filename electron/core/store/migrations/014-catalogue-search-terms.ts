/**
 * The words of the service search (as indexed: stemmed) of each comune, for typos:
 * `catalogue_terms` tells at once whether a typed word is one the catalogue uses, and
 * `catalogue_terms_trigram` (FTS5's trigram tokenizer) finds the words sharing most of
 * its three-letter pieces, the candidates a misspelt word is compared with
 * (catalogue/search/typos.ts). The trigram index reads its words from catalogue_terms
 * (external content) and triggers keep it in step. Filled from the index already there.
 */
import type { Migration } from './migration';
import { indexTerms } from '../../catalogue/search/typos';

const migration: Migration = {
  id: 14,
  name: '014-catalogue-search-terms',
  up(db) {
    db.exec(`
      CREATE TABLE catalogue_terms (
        id INTEGER PRIMARY KEY,
        tenant_slug TEXT NOT NULL,
        term TEXT NOT NULL,
        UNIQUE (tenant_slug, term)
      ) STRICT;
      CREATE VIRTUAL TABLE catalogue_terms_trigram USING fts5 (
        tenant_slug UNINDEXED,
        term,
        tokenize = 'trigram',
        content = 'catalogue_terms',
        content_rowid = 'id'
      );
      CREATE TRIGGER catalogue_terms_ai AFTER INSERT ON catalogue_terms BEGIN
        INSERT INTO catalogue_terms_trigram (rowid, tenant_slug, term) VALUES (new.id, new.tenant_slug, new.term);
      END;
      CREATE TRIGGER catalogue_terms_ad AFTER DELETE ON catalogue_terms BEGIN
        INSERT INTO catalogue_terms_trigram (catalogue_terms_trigram, rowid, tenant_slug, term) VALUES ('delete', old.id, old.tenant_slug, old.term);
      END;
    `);
    const rows = db.prepare('SELECT tenant_slug AS tenant, name, summary, body FROM services_fts').all() as { tenant: string; name: string; summary: string; body: string }[];
    const byTenant = new Map<string, string[]>();
    for (const r of rows) byTenant.set(r.tenant, [...(byTenant.get(r.tenant) ?? []), r.name, r.summary, r.body]);
    const term = db.prepare('INSERT INTO catalogue_terms (tenant_slug, term) VALUES (?, ?)');
    for (const [tenant, texts] of byTenant) {
      for (const t of indexTerms(texts)) term.run(tenant, t);
    }
  },
};
export default migration;
