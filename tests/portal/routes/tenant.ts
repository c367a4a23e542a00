/**
 * The tenant's own lists, public (no `denyAccessUnlessGranted` on their GETs), from the catalogue
 * directory's tenant.json (`topics`, `audiences`, `offices`):
 * - `GET /{tenant}/api/categories` (CategoriesAPIController; Entity/Categoria: id, name, slug,
 *   description, parent_id), ordered by name: the areas ("Aree tematiche");
 * - `GET /{tenant}/api/recipients` (RecipientsAPIController; Entity/Recipient: id, name, slug,
 *   description): "Io sono...";
 * - `GET /{tenant}/api/user-groups` (UserGroupsAPIController; Entity/UserGroup: id, name, topic_id,
 *   short_description, main_function, more_info, ...): the offices;
 * - `GET /{tenant}/api/tenants/info` (TenantAPIController, Dto/Tenant.php).
 */
import type { RouteModule } from '../router';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const tenantRoutes: RouteModule = (ctx) => {
  const t = () => ctx.catalogue.tenant;
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
      handle: () => ({
        status: 200,
        json: byName(t().offices).map((o) => ({
          id: o.id,
          name: o.name,
          topic_id: null,
          short_description: str(o.hours),
          main_function: null,
          more_info: str(o.address),
          manager_id: null,
          users_count: 0,
          services_count: 0,
          core_location_id: null,
        })),
      }),
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
          meta: null,
          io_enabled: false,
          gateways: [],
          backoffice_enabled_integrations: [],
          linkable_application_meetings: false,
          satisfy_entrypoint_id: null,
        },
      }),
    },
  ];
};
