/**
 * Services (src/Controller/Rest/ServicesAPIController.php, src/Services/Manager/ServiceManager.php,
 * src/Dto/ServiceDto.php). The app caches all of them, and every form they use, so a kiosk works
 * while the portal is down.
 * - `GET /{tenant}/api/services` (public) -> a plain array of ServiceDto, ordered by name; only the
 *   public statuses 1, 2, 4 (Servizio::PUBLIC_STATUSES); filters `status`, `identifier`, `topics_id`
 *   and `user_group_ids` (each a comma-separated list of uuids: one that is not a uuid throws, and
 *   the controller answers 500 `{type: "error", title: "There was an error during fetch process",
 *   description}`; one that does not exist is a NotFoundHttpException, 404 `["Category <id> not
 *   found"]` / `["User group <id> not found"]`; ServiceManager::getServices,
 *   ServizioRepository::findNotSharedByCriteria: `topics IN`, `userGroups.id IN`).
 *   There is no "changed since" filter: the app compares each service's `updated_at`.
 * - `GET /{tenant}/api/services/{id}`: a uuid as id, anything else as identifier; 404 ["Object not found"].
 * - `GET /{tenant}/api/services/{id}/form`: the service's form through the portal; 404 ["Form not found"].
 * Forms themselves are on the form server (form-server.ts), another host.
 */
import { HttpError, type RouteModule } from '../router';
import { serviceDto } from '../service-dto';

const PUBLIC_STATUSES = [1, 2, 4];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ServiceManager::getServices on `topics_id` / `user_group_ids`: null when absent or empty. */
function idList(raw: string | null, invalid: string, missing: string, exists: (id: string) => boolean): string[] | null {
  if (!raw) return null;
  const ids = raw.split(',');
  for (const id of ids) {
    if (!UUID.test(id)) throw new HttpError(500, { type: 'error', title: 'There was an error during fetch process', description: `${invalid} ${id} is not a valid uuid` });
    if (!exists(id)) throw new HttpError(404, [`${missing} ${id} not found`]);
  }
  return ids;
}

export const serviceRoutes: RouteModule = (ctx) => [
  {
    method: 'GET',
    path: '/{tenant}/api/services',
    access: 'public',
    handle(req) {
      const status = req.query.get('status');
      // ServiceManager::getServices: a status outside the public ones falls back to all public ones.
      const statuses = status && PUBLIC_STATUSES.includes(Number(status)) ? [Number(status)] : PUBLIC_STATUSES;
      const identifier = req.query.get('identifier');
      const topics = idList(req.query.get('topics_id'), 'Category id', 'Category', (id) => ctx.catalogue.tenant.topics.some((t) => t.id === id));
      const groups = idList(req.query.get('user_group_ids'), 'User group', 'User group', (id) => ctx.backOffice.userGroups.some((g) => g.id === id));
      const list = [...ctx.catalogue.services.values()]
        .filter((s) => statuses.includes(s.status) && (!identifier || s.identifier === identifier))
        .map((s) => serviceDto(ctx.catalogue, ctx.backOffice, s, ctx.formServerUrl()))
        .filter((s) => !topics || topics.includes(String(s.topics_id)))
        .filter((s) => !groups || (s.user_group_ids as string[]).some((g) => groups.includes(g)))
        .sort((a, b) => String(a.name).localeCompare(String(b.name)));
      return { status: 200, json: list };
    },
  },
  {
    method: 'GET',
    path: '/{tenant}/api/services/{id}',
    access: 'public',
    handle(req) {
      const s = ctx.catalogue.byIdOrIdentifier(req.params.id!);
      if (!s) throw new HttpError(404, ['Object not found']);
      if (s.status === 3) throw new HttpError(403, ['You are not allowed to see this service']);
      return { status: 200, json: serviceDto(ctx.catalogue, ctx.backOffice, s, ctx.formServerUrl()) };
    },
  },
  {
    method: 'GET',
    path: '/{tenant}/api/services/{id}/form',
    access: 'public',
    handle(req) {
      // `find($id)`: only a uuid; anything else throws and answers "Service not found".
      if (!UUID.test(req.params.id!)) throw new HttpError(404, ['Service not found']);
      const s = ctx.catalogue.services.get(req.params.id!);
      if (!s) throw new HttpError(404, ['Object not found']);
      const form = ctx.catalogue.forms.get(s.flow_steps[0]?.parameters.formio_id ?? '');
      if (!form) throw new HttpError(404, ['Form not found']);
      return { status: 200, json: form };
    },
  },
];
