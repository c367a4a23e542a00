/**
 * Refreshes a comune's catalogue from the portal: every service, and every form its steps use,
 * nested forms included, so the kiosk can compile pratiche offline. Incremental: the service
 * list is cheap and carries `updated_at`; forms are fetched again only for services that changed
 * (or when missing from the cache). When the portal is down the refresh fails and the cached
 * catalogue stays as it is. Open drafts of a changed service are kept and flagged, so the citizen
 * is told before sending (see migration 103).
 */
import type { Clock } from '../ports/clock';
import { importCatalogue, type ImportReport } from '../catalogue/import';
import { serviceFileSchema, tenantFileSchema, type ServiceFile } from '../catalogue/format';
import { childLists, parseFormDocument, type FormDocument } from '../catalogue/forms/form-json';
import type { CatalogueRepo } from '../store/catalogue-repo';
import type { RemoteRepo } from '../store/remote-repo';
import type { PortalClient } from './portal-client';

export interface RefreshDeps {
  portal: PortalClient;
  catalogue: CatalogueRepo;
  remote: RemoteRepo;
  tenant: { slug: string; name: string };
  clock: Clock;
}

export interface RefreshReport {
  changedServices: string[];
  fetchedForms: number;
  flaggedDrafts: number;
  imported: ImportReport | null;
  invalidServices: number;
}

function nestedFormIds(list: unknown[], out: Set<string>): Set<string> {
  for (const c of list) {
    if (typeof c !== 'object' || c === null) continue;
    const component = c as Record<string, unknown>;
    if (component.type === 'form' && typeof component.form === 'string') out.add(component.form);
    for (const children of childLists(component)) nestedFormIds(children, out);
  }
  return out;
}

const stepFormIds = (s: ServiceFile): string[] => s.flow_steps.map((st) => st.parameters.formio_id).filter((id): id is string => typeof id === 'string');

export async function refreshCatalogue(deps: RefreshDeps): Promise<RefreshReport> {
  const slug = deps.tenant.slug;
  const raw = await deps.portal.listServices();
  const services: ServiceFile[] = [];
  let invalidServices = 0;
  for (const r of raw) {
    const parsed = serviceFileSchema.safeParse(r);
    if (parsed.success) services.push(parsed.data);
    else invalidServices++;
  }
  const cached = new Map(deps.catalogue.listServices(slug).map((s) => [s.id, s]));
  const changed = services.filter((s) => cached.get(s.id)?.updated_at !== s.updated_at || cached.get(s.id) === undefined);
  const removed = [...cached.keys()].filter((id) => !services.some((s) => s.id === id));

  const forms = new Map<string, FormDocument>();
  let fetchedForms = 0;
  const collect = async (id: string, fresh: boolean): Promise<void> => {
    if (forms.has(id)) return;
    let form = fresh ? undefined : deps.catalogue.getForm(slug, id);
    if (!form) {
      form = parseFormDocument(await deps.portal.getForm(id), id);
      fetchedForms++;
    }
    forms.set(id, form);
    for (const nested of nestedFormIds(form.components, new Set())) await collect(nested, fresh);
  };
  for (const s of changed) for (const id of stepFormIds(s)) await collect(id, true);
  for (const s of services) for (const id of stepFormIds(s)) await collect(id, false);

  if (changed.length === 0 && removed.length === 0 && fetchedForms === 0) {
    return { changedServices: [], fetchedForms: 0, flaggedDrafts: 0, imported: null, invalidServices };
  }
  const tenant = deps.catalogue.getTenant(slug) ?? tenantFileSchema.parse({ id: services[0]?.tenant ?? slug, slug, name: deps.tenant.name });
  const imported = importCatalogue(deps.catalogue, { tenant, services, forms: [...forms.values()] }, deps.clock);
  const at = deps.clock.now().toISOString();
  let flaggedDrafts = 0;
  for (const s of changed) if (cached.has(s.id)) flaggedDrafts += deps.remote.flagChangedDrafts(slug, s.id, at);
  return { changedServices: changed.map((s) => s.slug), fetchedForms, flaggedDrafts, imported, invalidServices };
}
