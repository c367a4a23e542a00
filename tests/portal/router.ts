/**
 * The portal's route table. Each area is a module returning its routes; server.ts mounts
 * the list (a new area is one more entry in `ROUTE_MODULES` there).
 *
 * Paths use `{name}` placeholders like the portal's own documentation; `{tenant}` must be
 * the loaded tenant's slug, exactly as on a real multi-tenant portal.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import type { PortalContext } from './context';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call: anyone; an API account (an operator or an admin with a JWT: the real API's
 * `denyAccessUnlessGranted(['ROLE_OPERATORE', 'ROLE_ADMIN', ...])`); any user of the `api_secure`
 * firewall, citizens included (routes whose controllers let ROLE_CPS_USER in or whose voters
 * decide per user: applications, messages, meetings, payments, documents, submit); or our test
 * controls. OURS: a citizen's token (`GET /{tenant}/api/session-auth` after the card login, or
 * `/__admin/citizen-token`) is refused (401) by the `user` routes (the office's transitions),
 * whose citizen behaviour is not reproduced.
 */
export type Access = 'public' | 'user' | 'any-user' | 'test-admin';

export interface Caller {
  id: string;
  username: string;
  role: 'operator' | 'admin' | 'citizen';
  /** An operator's enabled services (ids). */
  services: string[];
}

export interface PortalRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  raw: IncomingMessage;
  caller: Caller | null;
  /** `$request->server`'s variables from the web server in front: only the card login's sets any. */
  server?: Readonly<Record<string, string>>;
  /** The JSON body checked against `schema`; a 400 with the issues otherwise. */
  json<S extends z.ZodType>(schema: S): Promise<z.output<S>>;
}

export interface PortalResponse {
  status: number;
  json?: unknown;
  body?: Buffer | Readable;
  headers?: Record<string, string>;
}

export interface Route {
  method: Method;
  path: string;
  access: Access;
  handle(req: PortalRequest): Promise<PortalResponse> | PortalResponse;
}

export type RouteModule = (ctx: PortalContext) => Route[];

/**
 * A refusal with the body the real portal sends for it: a plain array of messages
 * (`["Service not found"]`) or `{type, title, description}` / `{type, title, errors}`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string[] | { type: string; title: string; description?: string; errors?: unknown } | Record<string, unknown>,
  ) {
    super(JSON.stringify(body));
  }
}

/**
 * A refusal Symfony renders as a page, not JSON: an AccessDeniedException outside the controller's
 * `try` (the Twig error page, templates/bundles/TwigBundle/Exception/error403.html.twig; inferred,
 * no symfony/serializer to render it as JSON), or a PHP \Error no `catch (\Exception)` stops (500).
 * Clients can only key on the status.
 */
export class HtmlError extends HttpError {
  constructor(status: 401 | 403 | 500, readonly html: string = ERROR_PAGES[status]) {
    super(status, [html]);
  }
}

const ERROR_403_PAGE = '<!DOCTYPE html><html lang="it"><head><meta charset="UTF-8"><title>Accesso negato</title></head><body><h1>403</h1></body></html>';
const ERROR_500_PAGE = '<!DOCTYPE html><html lang="it"><head><meta charset="UTF-8"><title>Errore</title></head><body><h1>500</h1></body></html>';
/** error401.html.twig: an UnauthorizedHttpException (a login route reached without the authenticator taking it). */
const ERROR_401_PAGE = '<!DOCTYPE html><html lang="it"><head><meta charset="UTF-8"><title>Accesso negato</title></head><body><h1>401</h1></body></html>';
const ERROR_PAGES = { 401: ERROR_401_PAGE, 403: ERROR_403_PAGE, 500: ERROR_500_PAGE } as const;

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

export interface RouteTable {
  match(method: string, path: string): { route: Route; params: Record<string, string> } | { allowed: Method[] } | null;
  list(): Route[];
}

export function compileRoutes(routes: Route[]): RouteTable {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split('/')
      .map((part) => {
        const m = /^\{(\w+)\}$/.exec(part);
        if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        return '([^/]+)';
      })
      .join('/');
    return { ...route, pattern: new RegExp(`^${source}$`), names };
  });
  return {
    match(method, path) {
      const allowed: Method[] = [];
      for (const route of compiled) {
        const m = route.pattern.exec(path);
        if (!m) continue;
        if (route.method !== method) {
          allowed.push(route.method);
          continue;
        }
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
        return { route, params };
      }
      return allowed.length > 0 ? { allowed } : null;
    },
    list: () => compiled,
  };
}

/** Writes a route's answer: JSON with its length, a stream piped, or the bytes as they are. */
export function writeResponse(res: ServerResponse, response: PortalResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  if (response.json !== undefined) {
    const body = Buffer.from(JSON.stringify(response.json));
    res.writeHead(response.status, { 'content-type': 'application/json', 'content-length': String(body.length), ...headers });
    res.end(body);
  } else if (response.body instanceof Readable) {
    res.writeHead(response.status, headers);
    response.body.pipe(res);
  } else {
    res.writeHead(response.status, headers);
    res.end(response.body);
  }
}
