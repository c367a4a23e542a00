/**
 * The reference portal: a real HTTP server on 127.0.0.1 with the Stanza del Cittadino's
 * paths, field names and status codes, persisted in SQLite. It is the app's counterpart in
 * tests and demos, and the executable description of what the app expects from a portal
 * (each route module documents its part).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { seedAccounts, callerById, type AccountSpec } from './accounts';
import { loadCatalogue, type Catalogue } from './catalogue-dir';
import type { PortalContext } from './context';
import { decideBefore, faultsApplyTo, faultsSchema, loseResponse, type Faults, type FaultsInput } from './faults';
import { verifyToken } from './jwt';
import { openPortalDb, type PortalDb } from './portal-db';
import { compileRoutes, HttpError, type Caller, type PortalRequest, type PortalResponse, type Route, type RouteModule } from './router';
import { adminRoutes } from './routes/admin';
import { applicationRoutes } from './routes/applications';
import { authRoutes } from './routes/auth';
import { serviceRoutes } from './routes/services';
import { transitionRoutes } from './routes/transitions';
import { uploadRoutes } from './routes/uploads';

/** Every area of the portal, mounted in this order. A new area is one more entry. */
const ROUTE_MODULES: RouteModule[] = [authRoutes, serviceRoutes, uploadRoutes, applicationRoutes, transitionRoutes, adminRoutes];

export const DEFAULT_CATALOGUE = join(__dirname, '../../electron/core/catalogue/demo/comune-di-prova');

export const DEMO_ACCOUNTS: AccountSpec[] = [
  { username: 'chiosco', password: 'chiosco-demo', role: 'api' },
  { username: 'operatore', password: 'operatore-demo', role: 'operator' },
];

export interface PortalOptions {
  catalogueDir?: string;
  /** Where the SQLite file and uploaded bytes go; a fresh temporary folder by default. */
  dataDir?: string;
  port?: number;
  accounts?: AccountSpec[];
  tokenTtlSeconds?: number;
  faults?: FaultsInput;
  adminKey?: string;
  extraModules?: RouteModule[];
  now?: () => Date;
}

export interface Portal {
  url: string;
  tenant: string;
  adminKey: string;
  db: PortalDb;
  dataDir: string;
  catalogue: Catalogue;
  setFaults(faults: FaultsInput): void;
  expireTokens(): void;
  close(): Promise<void>;
}

const MAX_JSON = 5 * 1024 * 1024;

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON) throw new HttpError(413, 'Request body too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'Malformed JSON.');
  }
}

function send(res: ServerResponse, response: PortalResponse): void {
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

function problem(status: number, detail: string, errors?: unknown): PortalResponse {
  return { status, json: { type: 'about:blank', title: detail, status, detail, ...(errors ? { errors } : {}) } };
}

export async function startPortal(options: PortalOptions = {}): Promise<Portal> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sportello-portal-'));
  const now = options.now ?? (() => new Date());
  const db = openPortalDb(dataDir);
  seedAccounts(db, options.accounts ?? DEMO_ACCOUNTS, now());
  const catalogue = loadCatalogue(options.catalogueDir ?? DEFAULT_CATALOGUE);
  let baseUrl = '';
  let closed = false;
  const ctx: PortalContext = {
    db,
    dataDir,
    catalogue,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    secret: randomBytes(32),
    tokenGeneration: { value: 0 },
    adminKey: options.adminKey ?? randomBytes(12).toString('hex'),
    faults: { current: faultsSchema.parse(options.faults ?? {}) },
    baseUrl: () => baseUrl,
    now,
  };
  const routes: Route[] = [...ROUTE_MODULES, ...(options.extraModules ?? [])].flatMap((m) => m(ctx));
  const table = compileRoutes(routes);

  const authorise = (req: IncomingMessage, route: Route, fault: ReturnType<typeof decideBefore>): Caller | null => {
    if (route.access === 'admin') {
      if (req.headers['x-portal-admin'] !== ctx.adminKey) throw new HttpError(403, 'Admin key required.');
      return null;
    }
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : null;
    const claims = token ? verifyToken(token, ctx.secret) : null;
    if (route.access === 'public') return claims ? callerById(db, claims.id) : null;
    if (!claims) throw new HttpError(401, 'JWT Token not found or invalid.');
    const expired = claims.exp <= Math.floor(now().getTime() / 1000) || claims.gen !== ctx.tokenGeneration.value || fault === 'token-expired';
    if (expired) throw new HttpError(401, 'Expired JWT Token');
    const caller = callerById(db, claims.id);
    if (!caller) throw new HttpError(401, 'Unknown account.');
    if (route.access === 'operator' && caller.role !== 'operator') throw new HttpError(403, 'Access denied.');
    return caller;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://portal');
    const isAdmin = url.pathname.startsWith('/__admin/');
    const faults: Faults = ctx.faults.current;
    const target = `${req.method ?? 'GET'} ${url.pathname}`;
    const fault = isAdmin ? null : decideBefore(faults, target);
    if (!isAdmin && faults.latencyMs > 0 && faultsApplyTo(faults, target)) await new Promise((r) => setTimeout(r, faults.latencyMs + Math.random() * faults.latencyMs));
    if (fault === 'reset') return void req.socket.destroy();
    if (fault === 'too-many') return send(res, { ...problem(429, 'Too Many Requests'), headers: { 'retry-after': String(faults.retryAfterSeconds) } });
    if (fault === 'server-error') return send(res, problem(503, 'Service Unavailable'));

    let response: PortalResponse;
    try {
      if (closed) return void req.socket.destroy();
      const found = table.match(req.method ?? 'GET', url.pathname);
      if (!found) throw new HttpError(404, 'No route found.');
      if ('allowed' in found) throw new HttpError(405, 'Method Not Allowed.');
      if ('tenant' in found.params && found.params.tenant !== catalogue.tenant.slug) throw new HttpError(404, 'Tenant not found.');
      const caller = authorise(req, found.route, fault);
      const request: PortalRequest = {
        params: found.params,
        query: url.searchParams,
        raw: req,
        caller,
        async json(schema) {
          const parsed = schema.safeParse(await readJsonBody(req));
          if (!parsed.success) {
            throw new HttpError(400, 'Validation failed.', parsed.error.issues.map((i) => ({ property: i.path.join('.'), message: i.message })));
          }
          return parsed.data;
        },
      };
      response = await found.route.handle(request);
    } catch (error) {
      response = error instanceof HttpError ? problem(error.status, error.detail, error.errors) : problem(500, 'Internal Server Error');
      if (closed) return void req.socket.destroy();
      if (!(error instanceof HttpError)) console.error('portal: errore interno', error);
    }
    // The write (if any) is committed: losing the answer now is the case "exactly once" is about.
    if (!isAdmin && response.status < 300 && loseResponse(faults, target)) return void req.socket.destroy();
    send(res, response);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    tenant: catalogue.tenant.slug,
    adminKey: ctx.adminKey,
    db,
    dataDir,
    catalogue,
    setFaults(faults) {
      ctx.faults.current = faultsSchema.parse(faults);
    },
    expireTokens() {
      ctx.tokenGeneration.value += 1;
    },
    async close() {
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
