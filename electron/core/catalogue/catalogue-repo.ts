/**
 * The catalogue tables: one tenant's content is replaced as a whole, in one transaction,
 * so a kiosk never shows half of an import. Reads are per tenant: comuni never mix.
 */
import type { ServiceFile, TenantFile } from './format';
import type { FormDocument } from './forms/form-json';
import type { UnsupportedComponent } from './forms/resolve';
import { guard, type Db } from '../store/database';
import { indexTerms } from './search/typos';

export interface IndexedText {
  slug: string;
  name: string;
  summary: string;
  body: string;
}

export interface TenantContent {
  tenant: TenantFile;
  services: ServiceFile[];
  forms: FormDocument[];
  resolvedForms: { id: string; form: FormDocument; unsupported: UnsupportedComponent[] }[];
  index: IndexedText[];
  importedAt: string;
}

export interface StoredResolvedForm {
  form: FormDocument;
  unsupported: UnsupportedComponent[];
}

/** What a result list shows, read in the same query as the ranking (no document parsing per hit). */
export interface SearchHit {
  slug: string;
  name: string;
  shortDescription: string;
  topicId: string | null;
  paymentRequired: number;
  accessLevel: number;
  rank: number;
}

/** Per connection: how many times a comune's catalogue was replaced, through whichever repository over it. */
const replacements = new WeakMap<Db, number>();

export function createCatalogueRepo(db: Db) {
  const s = {
    // Changes when another connection commits: a second process on the same file, as SQLite counts them.
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    deleteFts: db.prepare('DELETE FROM services_fts WHERE tenant_slug = ?'),
    deleteTenant: db.prepare('DELETE FROM tenants WHERE slug = ?'),
    insertTenant: db.prepare('INSERT INTO tenants (slug, id, name, document, imported_at) VALUES (?, ?, ?, ?, ?)'),
    insertService: db.prepare(`INSERT INTO services (tenant_slug, slug, id, name, topic_id, status, document, short_description, payment_required, access_level)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertForm: db.prepare('INSERT INTO forms (tenant_slug, id, document) VALUES (?, ?, ?)'),
    insertResolved: db.prepare('INSERT INTO resolved_forms (tenant_slug, id, document, unsupported, resolved_at) VALUES (?, ?, ?, ?, ?)'),
    insertFts: db.prepare('INSERT INTO services_fts (tenant_slug, slug, name, summary, body) VALUES (?, ?, ?, ?, ?)'),
    tenants: db.prepare('SELECT slug, name FROM tenants ORDER BY name'),
    tenant: db.prepare('SELECT document FROM tenants WHERE slug = ?').pluck(),
    services: db.prepare('SELECT document FROM services WHERE tenant_slug = ? ORDER BY name').pluck(),
    service: db.prepare('SELECT document FROM services WHERE tenant_slug = ? AND slug = ?').pluck(),
    byTopic: db.prepare('SELECT document FROM services WHERE tenant_slug = ? AND topic_id = ? ORDER BY name').pluck(),
    form: db.prepare('SELECT document FROM forms WHERE tenant_slug = ? AND id = ?').pluck(),
    resolved: db.prepare('SELECT document, unsupported FROM resolved_forms WHERE tenant_slug = ? AND id = ?'),
    search: db.prepare(
      // Rank inside the index first (its `rank` is bm25 with the name weighted most, migration
      // 009), then read the few rows shown, from columns: no JSON parsed per keystroke.
      // CROSS JOIN keeps that order: left free, SQLite scans the comune's services instead.
      `WITH hits AS (
         SELECT tenant_slug, slug, rank FROM services_fts
         WHERE services_fts MATCH ? AND tenant_slug = ? ORDER BY rank LIMIT ?)
       SELECT s.slug AS slug, s.name AS name, s.topic_id AS topicId, s.short_description AS shortDescription,
              s.payment_required AS paymentRequired, s.access_level AS accessLevel, hits.rank AS rank
       FROM hits CROSS JOIN services s ON s.tenant_slug = hits.tenant_slug AND s.slug = hits.slug
       WHERE s.status = 1 ORDER BY hits.rank`,
    ),
  };

  // The search's words, for typos (migration 014; the trigram index follows by trigger).
  const terms = {
    delete: db.prepare('DELETE FROM catalogue_terms WHERE tenant_slug = ?'),
    insert: db.prepare('INSERT INTO catalogue_terms (tenant_slug, term) VALUES (?, ?)'),
    known: db.prepare('SELECT 1 FROM catalogue_terms WHERE tenant_slug = ? AND term = ?').pluck(),
    knownPrefix: db.prepare('SELECT 1 FROM catalogue_terms WHERE tenant_slug = ? AND term >= ? AND term < ? LIMIT 1').pluck(),
    similar: db.prepare('SELECT term FROM catalogue_terms_trigram WHERE catalogue_terms_trigram MATCH ? AND tenant_slug = ? ORDER BY rank LIMIT ?').pluck(),
  };

  const replace = db.transaction((c: TenantContent) => {
    const slug = c.tenant.slug;
    s.deleteFts.run(slug);
    terms.delete.run(slug);
    s.deleteTenant.run(slug);
    s.insertTenant.run(slug, c.tenant.id, c.tenant.name, JSON.stringify(c.tenant), c.importedAt);
    for (const sv of c.services) {
      s.insertService.run(slug, sv.slug, sv.id, sv.name, sv.topics ?? null, sv.status, JSON.stringify(sv), sv.short_description, sv.payment_required, sv.access_level ?? 0);
    }
    for (const f of c.forms) s.insertForm.run(slug, f._id, JSON.stringify(f));
    for (const r of c.resolvedForms) s.insertResolved.run(slug, r.id, JSON.stringify(r.form), JSON.stringify(r.unsupported), c.importedAt);
    for (const i of c.index) s.insertFts.run(slug, i.slug, i.name, i.summary, i.body);
    for (const term of indexTerms(c.index.flatMap((i) => [i.name, i.summary, i.body]))) terms.insert.run(slug, term);
  });

  return {
    replaceTenant(content: TenantContent): void {
      guard(() => replace(content));
      replacements.set(db, (replacements.get(db) ?? 0) + 1);
    },
    /**
     * Which state of the catalogue reads see, for what is derived from them and kept (the pratiche's
     * wizards): it changes once a comune's catalogue is replaced, here or through another connection.
     */
    revision: (): string => `${replacements.get(db) ?? 0}.${s.dataVersion.get() as number}`,
    listTenants: () => s.tenants.all() as { slug: string; name: string }[],
    getTenant: (slug: string): TenantFile | undefined => parse(s.tenant.get(slug)),
    listServices: (tenant: string): ServiceFile[] => (s.services.all(tenant) as string[]).map((d) => JSON.parse(d) as ServiceFile),
    getService: (tenant: string, slug: string): ServiceFile | undefined => parse(s.service.get(tenant, slug)),
    servicesByTopic: (tenant: string, topicId: string): ServiceFile[] => (s.byTopic.all(tenant, topicId) as string[]).map((d) => JSON.parse(d) as ServiceFile),
    getForm: (tenant: string, id: string): FormDocument | undefined => parse(s.form.get(tenant, id)),
    getResolvedForm(tenant: string, id: string): StoredResolvedForm | undefined {
      const row = s.resolved.get(tenant, id) as { document: string; unsupported: string } | undefined;
      return row ? { form: JSON.parse(row.document) as FormDocument, unsupported: JSON.parse(row.unsupported) as UnsupportedComponent[] } : undefined;
    },
    /** Published services matching `match`, an FTS5 query built by catalogue/search/query.ts, best first. */
    search: (tenant: string, match: string, limit: number): SearchHit[] =>
      s.search.all(match, tenant, limit) as SearchHit[],
    /** Whether the comune's services use this (stemmed) word, or with `prefix` a word beginning so. */
    knowsTerm: (tenant: string, term: string, prefix: boolean): boolean =>
      (prefix ? terms.knownPrefix.get(tenant, term, `${term}\uffff`) : terms.known.get(tenant, term)) !== undefined,
    /** The comune's words sharing the most three-letter pieces with `trigramMatch` (search/typos.ts). */
    similarTerms: (tenant: string, trigramMatch: string, limit: number): string[] => terms.similar.all(trigramMatch, tenant, limit) as string[],
  };
}

function parse<T>(document: unknown): T | undefined {
  return typeof document === 'string' ? (JSON.parse(document) as T) : undefined;
}

export type CatalogueRepo = ReturnType<typeof createCatalogueRepo>;
