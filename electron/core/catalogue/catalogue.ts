/**
 * The catalogue as the app uses it: published services of one comune, search, a
 * service's page, and its forms ready for offline use.
 */
import type { FormView, ServiceDetail, ServiceSummary, StemmaView, TenantView } from '../../shared/contract/catalogue';
import { DomainError } from '../errors';
import type { CatalogueRepo } from './catalogue-repo';
import type { ServiceFile, TenantFile } from './format';
import { ftsQueriesOf, queryTerms, type FtsQueries } from './search/query';
import { corrections, maxTypos, trigramQuery, TYPO_CANDIDATES } from './search/typos';
import { serviceDetail, serviceSummary, tenantView } from './views';
import { stemmaDataUrl } from './stemma';

const PUBLISHED = 1;
const SUSPENDED = 2;
const MAX_SIMILAR = 5;

/** Each word with its corrections when the catalogue does not use it; null when no word needs one. */
function withCorrections(repo: CatalogueRepo, tenantSlug: string, terms: readonly string[]): string[][] | null {
  let any = false;
  const out = terms.map((term, i) => {
    const prefix = i === terms.length - 1;
    if (maxTypos(term) === 0 || repo.knowsTerm(tenantSlug, term, prefix)) return [term];
    const match = trigramQuery(term);
    const found = match === null ? [] : corrections(term, repo.similarTerms(tenantSlug, match, TYPO_CANDIDATES), prefix);
    if (found.length > 0) any = true;
    return [term, ...found];
  });
  return any ? out : null;
}

export function createCatalogue(repo: CatalogueRepo) {
  function tenant(slug: string): TenantFile {
    const t = repo.getTenant(slug);
    if (!t) throw new DomainError('comune-sconosciuto', 'Questo comune non è nel catalogo di questa postazione.');
    return t;
  }
  const published = (slug: string) => repo.listServices(slug).filter((s) => s.status === PUBLISHED);

  /** A service a citizen may open: published, or suspended (shown, but not startable). */
  function service(tenantSlug: string, slug: string): ServiceFile {
    const s = repo.getService(tenantSlug, slug);
    if (!s || (s.status !== PUBLISHED && s.status !== SUSPENDED)) {
      throw new DomainError('servizio-sconosciuto', 'Il servizio richiesto non è disponibile.');
    }
    return s;
  }

  return {
    tenants: () => repo.listTenants(),
    /** Changes whenever what this catalogue answers may have changed (an import): see CatalogueRepo.revision. */
    revision: (): string => repo.revision(),
    tenant: (slug: string): TenantView => tenantView(tenant(slug), published(slug)),
    /** The coat of arms kept with the catalogue, or null: the page then shows its plain shield. */
    stemma(slug: string): StemmaView {
      const s = tenant(slug).stemma;
      return s ? { immagine: stemmaDataUrl(s) } : null;
    },
    service,
    list(tenantSlug: string, filter: { topic?: string; audience?: string } = {}): ServiceSummary[] {
      const t = tenant(tenantSlug);
      let services = published(tenantSlug);
      if (filter.topic !== undefined) {
        const topic = t.topics.find((x) => x.slug === filter.topic);
        services = services.filter((s) => topic !== undefined && s.topics === topic.id);
      }
      if (filter.audience !== undefined) {
        const audience = t.audiences.find((a) => a.slug === filter.audience);
        services = services.filter((s) => audience?.serviceSlugs.includes(s.slug) ?? false);
      }
      return services.map((s) => serviceSummary(s, t));
    },
    /**
     * Services matching the words typed, best first; when they are fewer than `limit` and
     * some word is none the catalogue uses, the services matching its closest words
     * (search/typos.ts) follow, after every exact match.
     */
    search(tenantSlug: string, query: string, limit = 20): ServiceSummary[] {
      const t = tenant(tenantSlug);
      const terms = queryTerms(query);
      const queries = ftsQueriesOf(terms.map((term) => [term]));
      if (queries === null) return [];
      const seen = new Set<string>();
      const results: ServiceSummary[] = [];
      collect(queries);
      if (results.length < limit) {
        const corrected = withCorrections(repo, tenantSlug, terms);
        if (corrected) collect(ftsQueriesOf(corrected)!);
      }
      return results;

      function collect(q: FtsQueries): void {
        for (const match of q.any === null ? [q.all] : [q.all, q.any]) {
          for (const hit of repo.search(tenantSlug, match, limit)) {
            if (results.length === limit) return;
            if (seen.has(hit.slug)) continue;
            seen.add(hit.slug);
            const topic = t.topics.find((x) => x.id === hit.topicId);
            results.push({
              slug: hit.slug,
              name: hit.name,
              shortDescription: hit.shortDescription,
              topic: topic ? { slug: topic.slug, name: topic.name } : null,
              paymentRequired: hit.paymentRequired !== 0,
              accessLevel: hit.accessLevel,
            });
          }
          if (results.length === limit) break;
        }
      }
    },
    get(tenantSlug: string, slug: string): ServiceDetail {
      const t = tenant(tenantSlug);
      const s = service(tenantSlug, slug);
      const similar = s.topics
        ? repo.servicesByTopic(tenantSlug, s.topics).filter((x) => x.slug !== s.slug && x.status === PUBLISHED).slice(0, MAX_SIMILAR)
        : [];
      return serviceDetail(s, t, similar);
    },
    form(tenantSlug: string, formId: string): FormView {
      tenant(tenantSlug);
      const resolved = repo.getResolvedForm(tenantSlug, formId);
      if (!resolved) throw new DomainError('modulo-non-disponibile', 'Il modulo di questo servizio non è disponibile su questa postazione.');
      return {
        id: resolved.form._id,
        title: resolved.form.title,
        display: resolved.form.display,
        components: resolved.form.components,
        unsupported: resolved.unsupported,
      };
    },
  };
}

export type Catalogue = ReturnType<typeof createCatalogue>;
