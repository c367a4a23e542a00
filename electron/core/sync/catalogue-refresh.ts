/**
 * Refreshes a comune's catalogue from the portal: every service, and every form its steps use,
 * nested forms included, so the kiosk can compile pratiche offline. Incremental: the service
 * list is cheap and carries `updated_at`; a service that changed is fetched again whole, and the
 * forms of the others are checked against the form server: one whose Form.io `modified` (or content,
 * when it has none) changed makes its service changed too, since a comune can edit a form without
 * touching the service. Open drafts of a changed service are kept and flagged, so the citizen is told
 * before sending (see migration 103).
 *
 * A bad answer never wipes the catalogue: a service that does not parse is logged and skipped
 * (its cached copy stays), a service whose form cannot be fetched keeps its cached copy (or is
 * left out), and an empty list from a portal that had services changes nothing and warns.
 */
import type { Clock } from '../ports/clock';
import type { Logger } from '../log/logger';
import { importCatalogue, type ImportReport } from '../catalogue/import';
import { serviceFileSchema, tenantFileSchema, type ServiceFile, type TenantFile } from '../catalogue/format';
import { fileComponents, SIGNED_MODULE_KEY, slotsFromFileComponents } from '../catalogue/forms/file-components';
import { childLists, parseFormDocument, type FormDocument } from '../catalogue/forms/form-json';
import type { CatalogueRepo } from '../catalogue/catalogue-repo';
import type { RemoteRepo } from '../store/remote-repo';
import type { PortalClient } from './portal-port';
import { PortalError } from './portal-error';

export interface RefreshDeps {
  portal: PortalClient;
  catalogue: CatalogueRepo;
  remote: RemoteRepo;
  tenant: { slug: string; name: string };
  clock: Clock;
  log?: Logger;
  /** The tenant's areas, audiences and offices from the portal (portal-tenant.ts); the cached ones when absent or failing. */
  tenantContent?: (current: TenantFile, services: ServiceFile[]) => Promise<TenantFile>;
}

export interface RefreshReport {
  changedServices: string[];
  fetchedForms: number;
  flaggedDrafts: number;
  imported: ImportReport | null;
  invalidServices: number;
  /** Services left as cached (or out) because one of their forms could not be fetched. */
  skippedServices: string[];
  /** What an operator should know: e.g. the portal answered with no services at all. */
  warnings: string[];
  /** Cached forms asked to the form server to see whether they changed. */
  checkedForms: number;
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

type Step = ServiceFile['flow_steps'][number];
const formSteps = (s: ServiceFile): (Step & { parameters: { formio_id: string } })[] =>
  s.flow_steps.filter((st): st is Step & { parameters: { formio_id: string } } => typeof st.parameters.formio_id === 'string');

const rawKey = (r: Record<string, unknown>): string | null => (typeof r.id === 'string' ? r.id : null);

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/** A portal service's attachment slots are its forms' file components (the signed module's own is not a slot). */
function withSlots(s: ServiceFile, forms: Map<string, FormDocument>): ServiceFile {
  if (s.x_sportello_attachments.length > 0) return s;
  const components = formSteps(s).flatMap((st) => {
    const form = forms.get(st.parameters.formio_id);
    return form ? fileComponents(form, (id) => forms.get(id)) : [];
  });
  const slots = slotsFromFileComponents(components.filter((c) => c.path !== SIGNED_MODULE_KEY));
  return slots.length > 0 ? { ...s, x_sportello_attachments: slots.slice(0, 30) } : s;
}

export async function refreshCatalogue(deps: RefreshDeps): Promise<RefreshReport> {
  const slug = deps.tenant.slug;
  const raw = await deps.portal.listServices();
  const cached = new Map(deps.catalogue.listServices(slug).map((s) => [s.id, s]));
  const report: RefreshReport = { changedServices: [], fetchedForms: 0, flaggedDrafts: 0, imported: null, invalidServices: 0, skippedServices: [], warnings: [], checkedForms: 0 };

  if (raw.length === 0 && cached.size > 0) {
    const warning = `il portale non elenca alcun servizio (prima ne aveva ${cached.size}): il catalogo in cache resta com'è`;
    deps.log?.warn(`catalogo: ${warning}`);
    report.warnings.push(warning);
    return report;
  }

  const services: ServiceFile[] = [];
  for (const r of raw) {
    const parsed = serviceFileSchema.safeParse(r);
    if (parsed.success) {
      services.push(parsed.data);
      continue;
    }
    report.invalidServices++;
    const issue = parsed.error.issues[0];
    const keep = rawKey(r) ? cached.get(rawKey(r)!) : undefined;
    deps.log?.warn('catalogo: servizio del portale non valido, ignorato', {
      id: rawKey(r),
      motivo: issue ? `${issue.path.join('.')}: ${issue.message}` : 'non valido',
      copiaInCache: keep !== undefined,
    });
    if (keep) services.push(keep);
  }

  const forms = new Map<string, FormDocument>();
  const fetchForm = async (id: string, base: string | undefined, serviceId: string, first: boolean): Promise<FormDocument> => {
    try {
      return parseFormDocument(await deps.portal.getForm(id, base), id);
    } catch (error) {
      // The portal serves the first step's form itself too (ServicesAPIController::getFormServiceAction).
      if (!first || (error instanceof PortalError && error.kind === 'account')) throw error;
      return parseFormDocument(await deps.portal.getServiceForm(serviceId), id);
    }
  };
  /** Every form of one service, or an error: a service is taken whole or not at all. */
  const formsOf = async (s: ServiceFile, fresh: boolean): Promise<Map<string, FormDocument>> => {
    const own = new Map<string, FormDocument>();
    let fetched = 0;
    const collect = async (id: string, base: string | undefined, first: boolean): Promise<void> => {
      if (own.has(id)) return;
      let form = forms.get(id) ?? (fresh ? undefined : deps.catalogue.getForm(slug, id));
      if (!form) {
        form = await fetchForm(id, base, s.id, first);
        fetched++;
      }
      own.set(id, form);
      for (const nested of nestedFormIds(form.components, new Set())) await collect(nested, base, false);
    };
    for (const [i, st] of formSteps(s).entries()) await collect(st.parameters.formio_id, st.parameters.url, i === 0);
    report.fetchedForms += fetched;
    return own;
  };

  /** Fresh copies of cached forms, by id (null: the form server did not answer; the cached copy stands). */
  const checked = new Map<string, FormDocument | null>();
  const sameForm = (a: FormDocument, b: FormDocument) => (a.modified && b.modified ? a.modified === b.modified : JSON.stringify(a.components) === JSON.stringify(b.components));
  /** Did any cached form of this unchanged service change on the form server? Changed ones go into `forms`. */
  const formsChangedOf = async (s: ServiceFile): Promise<boolean> => {
    const base = formSteps(s)[0]?.parameters.url;
    let changedForm = false;
    for (const [id, cachedForm] of await formsOf(s, false)) {
      if (!checked.has(id)) {
        report.checkedForms++;
        let fresh: FormDocument | null = null;
        try {
          fresh = parseFormDocument(await deps.portal.getForm(id, base), id);
        } catch (error) {
          // Unreachable or malformed now: the cached copy stands until the next refresh.
          if (error instanceof PortalError && error.kind === 'account') throw error;
        }
        checked.set(id, fresh);
      }
      const fresh = checked.get(id);
      if (fresh && !sameForm(fresh, cachedForm)) {
        forms.set(id, fresh);
        changedForm = true;
      }
    }
    return changedForm;
  };

  const taken: ServiceFile[] = [];
  const changed: ServiceFile[] = [];
  for (const s of services) {
    const before = cached.get(s.id);
    let isChanged = before === undefined || before.updated_at !== s.updated_at;
    try {
      if (!isChanged && before !== s) isChanged = await formsChangedOf(before!);
      const own = await formsOf(s, isChanged && before !== s);
      for (const [id, f] of own) forms.set(id, f);
      taken.push(before === s ? s : withSlots(s, own));
      if (isChanged && before !== s) changed.push(s);
    } catch (error) {
      if (error instanceof PortalError && error.kind === 'account') throw error;
      report.skippedServices.push(s.slug);
      deps.log?.warn('catalogo: modulo del servizio non disponibile, servizio lasciato com\'era', { servizio: s.slug, motivo: reasonOf(error), copiaInCache: before !== undefined });
      if (!before) continue;
      try {
        const own = await formsOf(before, false);
        for (const [id, f] of own) forms.set(id, f);
        taken.push(before);
      } catch {
        // Not even the cached forms are complete: the service stays out until the portal serves it whole.
      }
    }
  }
  const removed = [...cached.keys()].filter((id) => !taken.some((s) => s.id === id) && !report.skippedServices.includes(cached.get(id)!.slug));

  let tenant = deps.catalogue.getTenant(slug) ?? tenantFileSchema.parse({ id: taken[0]?.tenant ?? slug, slug, name: deps.tenant.name });
  let tenantChanged = false;
  if (deps.tenantContent) {
    try {
      const next = await deps.tenantContent(tenant, taken);
      tenantChanged = JSON.stringify(next) !== JSON.stringify(tenant);
      tenant = next;
    } catch (error) {
      if (error instanceof PortalError && error.kind === 'account') throw error;
      deps.log?.warn('catalogo: aree, destinatari o uffici non aggiornati', { motivo: reasonOf(error) });
    }
  }

  report.changedServices = changed.map((s) => s.slug);
  if (changed.length === 0 && removed.length === 0 && report.fetchedForms === 0 && !tenantChanged) return report;
  report.imported = importCatalogue(deps.catalogue, { tenant, services: taken, forms: [...forms.values()] }, deps.clock);
  const at = deps.clock.now().toISOString();
  for (const s of changed) if (cached.has(s.id)) report.flaggedDrafts += deps.remote.flagChangedDrafts(slug, s.id, at);
  return report;
}
