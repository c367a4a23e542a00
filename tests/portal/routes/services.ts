/**
 * Services and their forms. The app caches all of them (and every nested form) so a kiosk
 * works while the portal is down.
 * - `GET /{tenant}/api/services` -> a plain array (no envelope); filters `identifier`, `status`.
 *   A real portal has no "changed since" filter: the app compares each service's `updated_at`
 *   with its cached copy and fetches forms only for what changed.
 * - `GET /{tenant}/api/services/{id}`, `GET /{tenant}/api/services/{id}/form` (the first step's form).
 * - `GET /form-server/form/{formId}`: the form server, where `flow_steps[].parameters.url`
 *   and nested `{type:"form", form:"<id>"}` components point.
 */
import { HttpError, type RouteModule } from '../router';

export const serviceRoutes: RouteModule = (ctx) => {
  const service = (id: string) => {
    const s = ctx.catalogue.findService(id);
    if (!s) throw new HttpError(404, 'Service not found.');
    return s;
  };
  const form = (id: string) => {
    const f = ctx.catalogue.forms.get(id);
    if (!f) throw new HttpError(404, 'Form not found.');
    return f;
  };
  return [
    {
      method: 'GET',
      path: '/{tenant}/api/services',
      access: 'public',
      handle(req) {
        const identifier = req.query.get('identifier');
        const status = req.query.get('status');
        const list = [...ctx.catalogue.services.values()].filter(
          (s) => (!identifier || s.identifier === identifier) && (status === null || String(s.status) === status),
        );
        return { status: 200, json: list };
      },
    },
    { method: 'GET', path: '/{tenant}/api/services/{id}', access: 'public', handle: (req) => ({ status: 200, json: service(req.params.id!) }) },
    {
      method: 'GET',
      path: '/{tenant}/api/services/{id}/form',
      access: 'public',
      handle(req) {
        const first = service(req.params.id!).flow_steps[0];
        if (!first) throw new HttpError(404, 'Service has no form.');
        return { status: 200, json: form(first.parameters.formio_id) };
      },
    },
    { method: 'GET', path: '/form-server/form/{formId}', access: 'public', handle: (req) => ({ status: 200, json: form(req.params.formId!) }) },
  ];
};
