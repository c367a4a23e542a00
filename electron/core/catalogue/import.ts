/**
 * Importing a comune's catalogue, whatever its source (a directory, the portal's API):
 * every form is resolved (nested forms inlined, scripts removed) now, so a kiosk can
 * compile pratiche offline later, and the search index is rebuilt. A form that cannot be
 * resolved (cycle, missing nested form, too large) is reported and left out; its
 * services stay visible but cannot be started.
 */
import type { Clock } from '../ports/clock';
import type { CatalogueRepo, IndexedText } from './catalogue-repo';
import type { ServiceFile, TenantFile } from './format';
import { FormError, type FormDocument } from './forms/form-json';
import { resolveForm, type UnsupportedComponent } from './forms/resolve';
import { stemText } from './search/stemmer';

const PUBLISHED = 1;

export interface CatalogueSource {
  tenant: TenantFile;
  services: ServiceFile[];
  forms: FormDocument[];
}

export interface ImportReport {
  tenant: string;
  services: number;
  forms: number;
  problems: { formId: string; message: string }[];
  unsupported: (UnsupportedComponent & { formId: string })[];
}

function indexText(service: ServiceFile, tenant: TenantFile): IndexedText {
  const topic = tenant.topics.find((t) => t.id === service.topics)?.name ?? '';
  const audiences = tenant.audiences.filter((a) => a.serviceSlugs.includes(service.slug)).map((a) => a.name);
  return {
    slug: service.slug,
    name: stemText(service.name),
    summary: stemText([service.short_description, topic, ...audiences].join(' ')),
    body: stemText([service.description, service.howto, service.how_to_do, service.what_you_need, service.who].join(' ')),
  };
}

export function importCatalogue(repo: CatalogueRepo, source: CatalogueSource, clock: Clock): ImportReport {
  const byId = new Map(source.forms.map((f) => [f._id, f]));
  const problems: ImportReport['problems'] = [];
  const unsupported: ImportReport['unsupported'] = [];
  const resolvedForms = [];
  for (const form of source.forms) {
    try {
      const resolved = resolveForm(form, (id) => byId.get(id));
      resolvedForms.push({ id: form._id, form: resolved.form, unsupported: resolved.unsupported });
      for (const u of resolved.unsupported) unsupported.push({ formId: form._id, ...u });
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      problems.push({ formId: form._id, message: error.message });
    }
  }
  repo.replaceTenant({
    tenant: source.tenant,
    services: source.services,
    forms: source.forms,
    resolvedForms,
    // Only published services are searchable, so the index never returns rows to throw away.
    index: source.services.filter((s) => s.status === PUBLISHED).map((s) => indexText(s, source.tenant)),
    importedAt: clock.now().toISOString(),
  });
  return { tenant: source.tenant.slug, services: source.services.length, forms: resolvedForms.length, problems, unsupported };
}
