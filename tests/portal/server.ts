/**
 * The reference portal: a real HTTP server on 127.0.0.1 that behaves as the real Stanza del
 * Cittadino (OpenCity, release 2.13) does for every endpoint the app uses: paths, parameters
 * (what is read, ignored, refused), defaults, paging, order, status codes, response shapes,
 * error bodies, the separate form server, the presigned upload, an operator account's rights.
 * Each behaviour names the real source file it follows. What is ours is marked as ours: fault
 * injection, the test controls under `/__admin`, SQLite instead of Postgres.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedAccounts, callerById, type AccountSpec } from './accounts';
import { createBackOffice, readCalendarSetups, type CalendarSetup } from './back-office';
import { loadCatalogue, type Catalogue } from './catalogue-dir';
import { startCnsWebServer, type CnsWebServer } from './cns-web-server';
import type { EnteLogo, PortalContext } from './context';
import { decideBefore, faultsApplyTo, faultsSchema, loseResponse, type Faults, type FaultsInput } from './faults';
import { verifyToken } from './jwt';
import { openPortalDb, type PortalDb } from './portal-db';
import { startFormServer, type FormServer } from './form-server';
import { compileRoutes, HtmlError, HttpError, writeResponse, type Caller, type PortalRequest, type PortalResponse, type Route, type RouteModule, type RouteTable } from './router';
import { adminRoutes } from './routes/admin';
import { applicationRoutes } from './routes/applications';
import { authRoutes } from './routes/auth';
import { calendarRoutes } from './routes/calendars';
import { documentRoutes } from './routes/documents';
import { integrationTransitionRoutes } from './routes/integration-transitions';
import { loginPatRoutes } from './routes/login-pat';
import { meetingRoutes } from './routes/meetings';
import { messageRoutes } from './routes/messages';
import { trackingRoutes } from './routes/tracking';
import { paymentRoutes } from './routes/payments';
import { serviceRoutes } from './routes/services';
import { sessionAuthRoutes } from './routes/session-auth';
import { tenantRoutes } from './routes/tenant';
import { transitionRoutes } from './routes/transitions';
import { uploadRoutes } from './routes/uploads';
import { userRoutes } from './routes/users';
import { createSessionStore, PHP_SESSION_LIFETIME_SECONDS } from './session-store';
import { listening } from './listening';

/** Every area of the portal, mounted in this order. A new area is one more entry. */
const ROUTE_MODULES: RouteModule[] = [
  authRoutes,
  sessionAuthRoutes,
  loginPatRoutes,
  serviceRoutes,
  tenantRoutes,
  calendarRoutes,
  meetingRoutes,
  uploadRoutes,
  applicationRoutes,
  messageRoutes,
  trackingRoutes,
  transitionRoutes,
  integrationTransitionRoutes,
  paymentRoutes,
  documentRoutes,
  userRoutes,
  adminRoutes,
];

const DEFAULT_CATALOGUE = join(__dirname, '../../electron/core/catalogue/demo/comune-di-prova');

/**
 * The kiosk's account is an operator enabled on the services it sends (the real portal has no API
 * role: ApplicationsAPIController needs ROLE_OPERATORE or ROLE_ADMIN, and an operator reads back
 * only its services' applications); `operatore` plays the back office.
 */
export const DEMO_ACCOUNTS: AccountSpec[] = [
  { username: 'chiosco', password: 'chiosco-demo', role: 'operator' },
  { username: 'operatore', password: 'operatore-demo', role: 'operator' },
];

export interface PortalOptions {
  catalogueDir?: string;
  /** Where the SQLite file and uploaded bytes go; a fresh temporary folder by default. */
  dataDir?: string;
  port?: number;
  accounts?: AccountSpec[];
  /** TOKEN_TTL (config/packages/app.yaml): 3600 s by default. */
  tokenTtlSeconds?: number;
  /** How long an unused web session lives (PHP's session.gc_maxlifetime): 1440 s by default. */
  sessionLifetimeSeconds?: number;
  /**
   * The card login: an HTTPS server (cns-web-server.ts) asking for a client certificate chained
   * to `caPem` (PEM, one or more CAs) and serving `/{tenant}/auth/login-pat`.
   */
  cnsLogin?: { caPem: string; /** The HTTPS port (a portal restarted at the same addresses); any free one by default. */ port?: number };
  faults?: FaultsInput;
  adminKey?: string;
  extraModules?: RouteModule[];
  now?: () => Date;
  /** The form server's port (another host in production); any free one by default. */
  formServerPort?: number;
  /** The offices' calendars (back-office.ts), else the catalogue's `calendars.json`; `[]` for a tenant without the calendars integration. */
  calendars?: CalendarSetup[];
  /** The ente's logo (routes/tenant.ts): none by default, as a tenant whose back office set no "Logo url". */
  enteLogo?: EnteLogo;
}

export interface Portal {
  url: string;
  tenant: string;
  adminKey: string;
  db: PortalDb;
  dataDir: string;
  catalogue: Catalogue;
  /** FORMSERVER_PUBLIC_URL: where the services' steps say their forms are. */
  formServerUrl: string;
  /** `https://127.0.0.1:<port>/<tenant>/auth/login-pat` with `cnsLogin`, else null. */
  cnsLoginUrl: string | null;
  /** The HTTPS server's certificate (PEM), for clients to trust (NODE_EXTRA_CA_CERTS, `ca`); null without `cnsLogin`. */
  tlsCertificatePem: string | null;
  setFaults(faults: FaultsInput): void;
  expireTokens(): void;
  /** The back office sets (or clears) the ente's "Logo url" and its web server serves these bytes. */
  setEnteLogo(logo: EnteLogo | null): void;
  /** Closing again (a test that stopped the portal itself, then its teardown) does nothing. */
  close(): Promise<void>;
}

const MAX_JSON = 5 * 1024 * 1024;

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON) throw new HttpError(413, { code: 413, message: 'Request Entity Too Large' });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    // FOSRest's body listener.
    throw new HttpError(400, { code: 400, message: 'Invalid json message received' });
  }
}

/** Our fault injection's answers: plain arrays, the way the real portal words its own errors. */
function injected(status: number, message: string): PortalResponse {
  return { status, json: [message] };
}

export async function startPortal(options: PortalOptions = {}): Promise<Portal> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sportello-portal-'));
  const now = options.now ?? (() => new Date());
  const db = openPortalDb(dataDir);
  const catalogueDir = options.catalogueDir ?? DEFAULT_CATALOGUE;
  const catalogue = loadCatalogue(catalogueDir);
  seedAccounts(db, options.accounts ?? DEMO_ACCOUNTS, (slug) => catalogue.bySlug(slug)?.id, [...catalogue.services.keys()], now());
  const formServer: FormServer = await startFormServer(() => catalogue, { port: options.formServerPort });
  let baseUrl = '';
  let cnsServer: CnsWebServer | null = null;
  let closed = false;
  const ctx: PortalContext = {
    db,
    dataDir,
    catalogue,
    backOffice: createBackOffice(catalogue, now(), options.calendars ?? readCalendarSetups(catalogueDir)),
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    secret: randomBytes(32),
    tokenGeneration: { value: 0 },
    adminKey: options.adminKey ?? randomBytes(12).toString('hex'),
    faults: { current: faultsSchema.parse(options.faults ?? {}) },
    baseUrl: () => baseUrl,
    formServerUrl: () => formServer.url,
    sessions: createSessionStore(options.sessionLifetimeSeconds ?? PHP_SESSION_LIFETIME_SECONDS, now),
    cnsOrigin: () => cnsServer?.origin ?? null,
    now,
    enteLogo: { current: options.enteLogo ?? null },
  };
  const routes: Route[] = [...ROUTE_MODULES, ...(options.extraModules ?? [])].flatMap((m) => m(ctx));
  const table = compileRoutes(routes);

  /** lexik JWT: 401 {code, message} for a missing, invalid or expired token; an API route needs an operator or admin. */
  const authorise = (req: IncomingMessage, route: Route, fault: ReturnType<typeof decideBefore>): Caller | null => {
    if (route.access === 'test-admin') {
      if (req.headers['x-portal-admin'] !== ctx.adminKey) throw new HttpError(403, ['Admin key required.']);
      return null;
    }
    if (route.access === 'public') return null;
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : null;
    if (!token) throw new HttpError(401, { code: 401, message: 'JWT Token not found' });
    const claims = verifyToken(token, ctx.secret);
    if (!claims) throw new HttpError(401, { code: 401, message: 'Invalid JWT Token' });
    const expired = claims.exp <= Math.floor(now().getTime() / 1000) || claims.gen !== ctx.tokenGeneration.value || fault === 'token-expired';
    if (expired) throw new HttpError(401, { code: 401, message: 'Expired JWT Token' });
    const caller = callerById(db, claims.id);
    if (!caller || (caller.role === 'citizen' && route.access !== 'any-user')) throw new HttpError(401, { code: 401, message: 'Invalid JWT Token' });
    return caller;
  };

  /** One request on `table`, with the server variables the web server in front set (none on the HTTP server). */
  const handle = async (table: RouteTable, req: IncomingMessage, res: ServerResponse, server: Record<string, string> = {}): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://portal');
    const isAdmin = url.pathname.startsWith('/__admin/');
    const faults: Faults = ctx.faults.current;
    const target = `${req.method ?? 'GET'} ${url.pathname}`;
    // OURS: fault injection (faults.ts), before and after the real behaviour.
    const fault = isAdmin ? null : decideBefore(faults, target);
    if (!isAdmin && faults.latencyMs > 0 && faultsApplyTo(faults, target)) await new Promise((r) => setTimeout(r, faults.latencyMs + Math.random() * faults.latencyMs));
    if (fault === 'reset') return void req.socket.destroy();
    if (fault === 'too-many') return writeResponse(res, { ...injected(429, 'Too Many Requests'), headers: { 'retry-after': String(faults.retryAfterSeconds) } });
    if (fault === 'server-error') return writeResponse(res, injected(503, 'Service Unavailable'));

    let response: PortalResponse;
    try {
      if (closed) return void req.socket.destroy();
      const found = table.match(req.method ?? 'GET', url.pathname);
      if (!found) throw new HttpError(404, { code: 404, message: `No route found for "${target}"` });
      if ('allowed' in found) throw new HttpError(405, { code: 405, message: `No route found for "${target}": Method Not Allowed (Allow: ${found.allowed.join(', ')})` });
      if ('tenant' in found.params && found.params.tenant !== catalogue.tenant.slug) throw new HttpError(404, { code: 404, message: `No route found for "${target}"` });
      const caller = authorise(req, found.route, fault);
      const request: PortalRequest = {
        params: found.params,
        query: url.searchParams,
        raw: req,
        caller,
        server,
        async json(schema) {
          const parsed = schema.safeParse(await readJsonBody(req));
          if (!parsed.success) {
            throw new HttpError(400, { type: 'validation_error', title: 'There was a validation error', errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
          }
          return parsed.data;
        },
      };
      response = await found.route.handle(request);
    } catch (error) {
      response =
        error instanceof HtmlError
          ? { status: error.status, body: Buffer.from(error.html), headers: { 'content-type': 'text/html; charset=UTF-8' } }
          : error instanceof HttpError
            ? { status: error.status, json: error.body }
            : { status: 500, json: { type: 'error', title: 'There was an error during save process', description: 'Contact technical support at support@opencontent.it' } };
      if (closed) return void req.socket.destroy();
      // A client that went away mid-request is not the portal's error.
      if (!(error instanceof HttpError) && (error as { code?: unknown }).code !== 'ECONNRESET') console.error('portal: errore interno', error);
    }
    // The write (if any) is committed: losing the answer now is the case "exactly once" is about.
    if (!isAdmin && response.status < 300 && loseResponse(faults, target)) return void req.socket.destroy();
    writeResponse(res, response);
  };

  const server = createServer((req, res) => {
    handle(table, req, res).catch(() => req.socket.destroy());
  });
  server.keepAliveTimeout = 5_000;
  await listening(server, options.port ?? 0);
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (options.cnsLogin) {
    const loginTable = compileRoutes(loginPatRoutes(ctx));
    cnsServer = await startCnsWebServer(options.cnsLogin.caPem, options.cnsLogin.port ?? 0, now, (req, res, variables) => {
      handle(loginTable, req, res, variables).catch(() => req.socket.destroy());
    });
  }

  return {
    url: baseUrl,
    tenant: catalogue.tenant.slug,
    adminKey: ctx.adminKey,
    db,
    dataDir,
    catalogue,
    formServerUrl: formServer.url,
    cnsLoginUrl: cnsServer ? `${cnsServer.origin}/${catalogue.tenant.slug}/auth/login-pat` : null,
    tlsCertificatePem: cnsServer?.certificatePem ?? null,
    setFaults(faults) {
      ctx.faults.current = faultsSchema.parse(faults);
    },
    expireTokens() {
      ctx.tokenGeneration.value += 1;
    },
    setEnteLogo(logo) {
      ctx.enteLogo.current = logo;
    },
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cnsServer?.close();
      await formServer.close();
      db.close();
    },
  };
}
