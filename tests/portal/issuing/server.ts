/**
 * The reference issuing system: a server of its own on 127.0.0.1, apart from the reference portal
 * (the municipal portal has no PIN releases), with its own accounts and tokens, the cards a test
 * registers, delivery by email through the given SMTP server and by SMS through its own gateway
 * endpoint. Contract in routes.ts. Fault injection (ours) as on the portal: `setFaults`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { decideBefore, faultsSchema, type Faults, type FaultsInput } from '../faults';
import { signToken, verifyToken } from '../jwt';
import { createRegistroCarte, type CartaNota, type RegistroCarte } from './registro-carte';
import { cardBody, createReleases, IssuerError, parseRelease, smsBody, type SmsRicevuto } from './routes';

export interface IssuerAccount {
  username: string;
  password: string;
}

/** The standalone issuer's demo account (`tsx tests/portal/issuing/cli.ts`). */
export const DEMO_ISSUER_ACCOUNTS: IssuerAccount[] = [{ username: 'banco', password: 'banco-demo' }];

export interface IssuerOptions {
  smtp: { host: string; port: number };
  accounts?: IssuerAccount[];
  port?: number;
  adminKey?: string;
  faults?: FaultsInput;
  now?: () => Date;
}

export interface IssuerServer {
  /** The issuer's base URL, what an installation puts in `issuer.url`. */
  url: string;
  adminKey: string;
  registro: RegistroCarte;
  sms: SmsRicevuto[];
  register(carta: CartaNota): void;
  setFaults(faults: FaultsInput): void;
  close(): Promise<void>;
}

const credentials = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(200) }).strict();

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new IssuerError(400, 'richiesta-non-valida', 'Malformed JSON.');
  }
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) return void res.writeHead(status).end();
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(bytes.length) }).end(bytes);
}

export async function startIssuer(options: IssuerOptions): Promise<IssuerServer> {
  const registro = createRegistroCarte();
  const sms: SmsRicevuto[] = [];
  const accounts = options.accounts ?? DEMO_ISSUER_ACCOUNTS;
  const secret = randomBytes(32);
  const adminKey = options.adminKey ?? randomBytes(12).toString('hex');
  const now = options.now ?? (() => new Date());
  const faults: { current: Faults } = { current: faultsSchema.parse(options.faults ?? {}) };
  let baseUrl = '';
  const release = createReleases({
    registro,
    smtp: options.smtp,
    sms,
    now,
    smsGateway: () => ({ url: `${baseUrl}/__sms-gateway/messages`, headers: { 'x-issuer-admin': adminKey } }),
  });

  const admin = (req: IncomingMessage) => {
    if (req.headers['x-issuer-admin'] !== adminKey) throw new IssuerError(403, 'accesso-negato', 'Admin key required.');
  };
  const caller = (req: IncomingMessage) => {
    const header = req.headers.authorization;
    const claims = header?.startsWith('Bearer ') ? verifyToken(header.slice(7), secret) : null;
    if (!claims || claims.exp <= Math.floor(now().getTime() / 1000)) throw new IssuerError(401, 'accesso-negato', 'Token missing, invalid or expired.');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://issuer').pathname;
    const route = `${req.method ?? 'GET'} ${path}`;
    if (!path.startsWith('/__')) {
      const fault = decideBefore(faults.current, route);
      if (fault === 'reset') return void req.socket.destroy();
      if (fault === 'server-error' || fault === 'too-many') return send(res, 503, { error: 'non-disponibile', detail: 'Service Unavailable' });
    }
    try {
      switch (route) {
        case 'POST /auth': {
          const body = credentials.safeParse(await readJson(req));
          const account = body.success ? accounts.find((a) => a.username === body.data.username && a.password === body.data.password) : undefined;
          if (!account) throw new IssuerError(401, 'accesso-negato', 'Bad credentials.');
          const iat = Math.floor(now().getTime() / 1000);
          return send(res, 200, { token: signToken({ id: randomUUID(), username: account.username, tenant_id: 'emissione', iat, exp: iat + 3600, gen: 0 }, secret) });
        }
        case 'POST /pin-releases': {
          caller(req);
          return send(res, 201, await release(parseRelease(await readJson(req))));
        }
        case 'POST /__admin/cards': {
          admin(req);
          const b = cardBody.parse(await readJson(req));
          registro.register({ seriale: b.serial, codiceFiscale: b.fiscal_code, nome: b.name, pin: b.pin, puk: b.puk });
          return send(res, 204);
        }
        case 'GET /__admin/releases':
          admin(req);
          return send(res, 200, registro.releases());
        case 'GET /__admin/sms':
          admin(req);
          return send(res, 200, sms);
        case 'POST /__sms-gateway/messages': {
          admin(req);
          const b = smsBody.parse(await readJson(req));
          sms.push({ to: b.to, text: b.text, at: now().toISOString() });
          return send(res, 202, { accepted: true });
        }
        default:
          throw new IssuerError(404, 'percorso-sconosciuto', `No route ${route}.`);
      }
    } catch (error) {
      if (error instanceof IssuerError) return send(res, error.status, { error: error.code, detail: error.message });
      if (error instanceof z.ZodError) return send(res, 400, { error: 'richiesta-non-valida', detail: error.message });
      console.error('issuer: errore interno', error);
      return send(res, 500, { error: 'errore-interno', detail: 'Internal Server Error' });
    }
  };

  const server = createServer((req, res) => void handle(req, res).catch(() => req.socket.destroy()));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    adminKey,
    registro,
    sms,
    register: (c) => registro.register(c),
    setFaults(f) {
      faults.current = faultsSchema.parse(f);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
