/**
 * The tenant's own lists, public (no `denyAccessUnlessGranted` on their GETs), from the catalogue
 * directory's tenant.json (`topics`, `audiences`, `offices`):
 * - `GET /{tenant}/api/categories` (CategoriesAPIController; Entity/Categoria: id, name, slug,
 *   description, parent_id), ordered by name: the areas ("Aree tematiche");
 * - `GET /{tenant}/api/recipients` (RecipientsAPIController; Entity/Recipient: id, name, slug,
 *   description): "Io sono...";
 * - `GET /{tenant}/api/user-groups` (UserGroupsAPIController::getUserGroupsAction,
 *   Repository/UserGroupRepository::findByCriteria; Entity/UserGroup: id, name, short_description,
 *   main_function, more_info, core_contact_point, created_at, updated_at, topic_id, manager_id,
 *   users_count, services_count, core_location_id, calendar_id), ordered by name: the offices, from
 *   back-office.ts. `has_calendar` read as a boolean (`getBoolean`: "true", "1", "on", "yes"): true
 *   keeps the offices with a calendar, anything else those without; `service_id` keeps the offices
 *   handling that service, and one that is not a uuid answers 200 with the JSON string
 *   "Parameter service_id is not a valid uuid" (`$this->view(...)` without a status);
 * - `GET /{tenant}/api/tenants/info` (TenantAPIController, Dto/Tenant.php); its
 *   `backoffice_enabled_integrations` names the calendars back office when there are calendars.
 *   `meta` is Ente::$meta as the back office's "Aspetto grafico" form saves it
 *   (assets/app/schemas/graphic_aspect_tenant.json: `tenant_type`, `theme`, `logo` the "Logo url"
 *   of a `url` component), serialised as it is (`@Serializer\Type("array")`): null when the back
 *   office never saved it, else an object; the portal's own header shows `meta.logo` as the ente's
 *   image with the ente's name as alt (templates/Default/header/header.html.twig). The logo lives
 *   wherever that URL points, usually the comune's website, served as a static file with its
 *   Content-Type: OURS here at `/__ente/{tenant}/{file}`, the file named after its bytes' hash, so
 *   a new logo has a new URL as an upload would.
 */
import { createHash } from 'node:crypto';
import { CALENDARS_BACKOFFICE_PATH } from '../back-office';
import type { PortalResponse, RouteModule } from '../router';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const tenantRoutes: RouteModule = (ctx) => {
  const t = () => ctx.catalogue.tenant;
  const logoFile = () => {
    const logo = ctx.enteLogo.current;
    return logo ? `stemma-${createHash('sha256').update(logo.bytes).digest('hex').slice(0, 12)}` : null;
  };
  const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
  return [
    {
      method: 'GET',
      path: '/{tenant}/api/categories',
      access: 'public',
      handle: () => ({ status: 200, json: byName(t().topics).map((c) => ({ id: c.id, name: c.name, slug: c.slug, description: str(c.description), parent_id: null })) }),
    },
    {
      method: 'GET',
      path: '/{tenant}/api/recipients',
      access: 'public',
      handle: () => ({ status: 200, json: byName(t().audiences).map((r) => ({ id: r.id, name: r.name, slug: r.slug, description: str(r.description) })) }),
    },
    {
      method: 'GET',
      path: '/{tenant}/api/user-groups',
      access: 'public',
      handle: (req) => {
        const hasCalendar = req.query.has('has_calendar') ? ['1', 'true', 'on', 'yes'].includes((req.query.get('has_calendar') ?? '').toLowerCase()) : null;
        const serviceId = req.query.get('service_id');
        if (serviceId && !UUID.test(serviceId)) return { status: 200, json: 'Parameter service_id is not a valid uuid' };
        const groups = byName(ctx.backOffice.userGroups)
          .filter((g) => hasCalendar === null || (g.calendarId !== null) === hasCalendar)
          .filter((g) => !serviceId || ctx.backOffice.servicesOfGroup(g.id).includes(serviceId));
        return {
          status: 200,
          json: groups.map((g) => ({
            id: g.id,
            name: g.name,
            short_description: g.shortDescription,
            main_function: null,
            more_info: g.moreInfo,
            core_contact_point: null,
            created_at: g.createdAt,
            updated_at: g.updatedAt,
            topic_id: null,
            manager_id: null,
            users_count: 0,
            services_count: ctx.backOffice.servicesOfGroup(g.id).length,
            core_location_id: null,
            calendar_id: g.calendarId,
          })),
        };
      },
    },
    {
      method: 'GET',
      path: '/{tenant}/api/tenants/info',
      access: 'public',
      handle: () => ({
        status: 200,
        json: {
          id: t().id,
          name: t().name,
          mechanographic_code: str(t().codiceIstat),
          administrative_code: null,
          site_url: null,
          meta: logoFile() ? { tenant_type: 'comune', theme: 'default', logo: `${ctx.baseUrl()}/__ente/${t().slug}/${logoFile()}` } : null,
          io_enabled: false,
          gateways: [],
          backoffice_enabled_integrations: ctx.backOffice.calendarsEnabled ? [CALENDARS_BACKOFFICE_PATH] : [],
          linkable_application_meetings: false,
          satisfy_entrypoint_id: null,
        },
      }),
    },
    {
      method: 'GET',
      path: '/__ente/{tenant}/{file}',
      access: 'public',
      handle: (req): PortalResponse => {
        const logo = ctx.enteLogo.current;
        if (!logo || req.params.file !== logoFile()) return { status: 404, body: Buffer.from('Not Found'), headers: { 'content-type': 'text/plain' } };
        return { status: 200, body: logo.bytes, headers: { 'content-type': logo.contentType, 'content-length': String(logo.bytes.length) } };
      },
    },
  ];
};
