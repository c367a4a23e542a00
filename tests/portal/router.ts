/**
 * The portal's route table. Each area is a module returning its routes; server.ts mounts
 * the list (a new area is one more entry in `ROUTE_MODULES` there).
 *
 * Paths use `{name}` placeholders like the portal's own documentation; `{tenant}` must be
 * the loaded tenant's slug, exactly as on a real multi-tenant portal.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { PortalContext } from './context';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call: anyone; an API account (an operator or an admin with a JWT: the real API's
 * `denyAccessUnlessGranted(['ROLE_OPERATORE', 'ROLE_ADMIN', ...])`); or our test controls.
 */
export type Access = 'public' | 'user' | 'test-admin';

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
