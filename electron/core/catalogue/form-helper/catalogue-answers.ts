/**
 * The form helper on a device with no portal (the demo): what this device's own catalogue knows,
 * filtered as the portal filters it, in the portal's shapes (answer-shapes.ts checks them too):
 * - `categories`: the tenant's topics as Entity/Categoria (`id, name, slug, description,
 *   parent_id`), ordered by name (CategoriesAPIController::getCategoriesAction);
 * - `services`: the published ones (statuses 1, 2, 4, Servizio::PUBLIC_STATUSES), ordered by name,
 *   with ServiceDto's `id, name, slug, topics, topics_id, user_group_ids`; `topics_id` and
 *   `user_group_ids` filter as ServiceManager::getServices does, an unknown area or office refused
 *   as the portal refuses it (404);
 * - `user-groups`: the tenant's offices as Entity/UserGroup, none with a calendar; `service_id`
 *   keeps the offices the service names. Appointments (`has_calendar=true`, calendars' days and
 *   slots) exist only on the portal: refused with a reason, not answered with an empty list the
 *   form would show as "no office".
 */
import { DomainError } from '../../errors';
import type { ServiceFile, TenantFile } from '../format';
import type { HelperRequest } from './allowlist';

/** The catalogue as the demo helper reads it (catalogue/catalogue-repo.ts). */
export interface FormHelperCatalogue {
  getTenant(slug: string): TenantFile | undefined;
  listServices(slug: string): ServiceFile[];
}

const PUBLIC_STATUSES = [1, 2, 4];

const noAppointments = () =>
  new DomainError(
    'prenotazioni-non-disponibili',
    'Su questa postazione gli appuntamenti non si possono prenotare: serve il collegamento al portale del Comune. Rivolgiti allo sportello.',
  );
const notInCatalogue = () =>
  new DomainError('comune-non-collegato', 'Questa postazione non ha il catalogo di questo Comune: le scelte di questo campo non sono disponibili.');
const unknownChoice = () =>
  new DomainError('richiesta-rifiutata-dal-portale', 'Il Comune non ha la scelta indicata. Controlla le scelte precedenti o rivolgiti allo sportello.');

const byName = <T extends { name: string }>(list: T[]): T[] => [...list].sort((a, b) => a.name.localeCompare(b.name, 'it'));
const queryValue = (request: HelperRequest, name: string): string | undefined => request.query.find(([k]) => k === name)?.[1];

export function catalogueAnswer(catalogue: FormHelperCatalogue, tenantSlug: string, request: HelperRequest): unknown {
  const tenant = catalogue.getTenant(tenantSlug);
  if (!tenant) throw notInCatalogue();
  const services = () => catalogue.listServices(tenantSlug).filter((s) => PUBLIC_STATUSES.includes(s.status));
  switch (request.kind) {
    case 'categories':
      return byName(tenant.topics).map((t) => ({ id: t.id, name: t.name, slug: t.slug, description: null, parent_id: null }));
    case 'services': {
      const topicId = queryValue(request, 'topics_id');
      const groupId = queryValue(request, 'user_group_ids');
      if (topicId && !tenant.topics.some((t) => t.id === topicId)) throw unknownChoice();
      if (groupId && !tenant.offices.some((o) => o.id === groupId)) throw unknownChoice();
      return byName(services())
        .filter((s) => !topicId || s.topics === topicId)
        .filter((s) => !groupId || s.user_group_ids.includes(groupId))
        .map((s) => ({
          id: s.id,
          name: s.name,
          slug: s.slug,
          topics: tenant.topics.find((t) => t.id === s.topics)?.slug ?? null,
          topics_id: s.topics ?? null,
          user_group_ids: s.user_group_ids,
        }));
    }
    case 'user-groups': {
      if (queryValue(request, 'has_calendar') === 'true') throw noAppointments();
      const serviceId = queryValue(request, 'service_id');
      const service = serviceId ? services().find((s) => s.id === serviceId) : undefined;
      return byName(tenant.offices)
        .filter((o) => !serviceId || (service?.user_group_ids.includes(o.id) ?? false))
        .map((o) => ({ id: o.id, name: o.name, short_description: o.hours ?? null, more_info: o.address ?? null, calendar_id: null }));
    }
    case 'calendar-days':
    case 'calendar-slots':
      throw noAppointments();
  }
}
