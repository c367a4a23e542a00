/**
 * `POST /{tenant}/api/auth` {username, password} -> {token} (lexik/jwt-authentication-bundle, the
 * `api_login` firewall of config/packages/security.yaml; claims from JWTCreatedListener: `id`,
 * `tenant_id`; lifetime TOKEN_TTL, 3600 s by default). Wrong credentials: 401
 * {code: 401, message: "Invalid credentials."}. The app sends `Authorization: Bearer <token>` and
 * renews it on a 401. (Ours: HS256 instead of RS256, and a generation claim to expire every token.)
 */
import { z } from 'zod';
import { authenticate } from '../accounts';
import { signToken } from '../jwt';
import { HttpError, type RouteModule } from '../router';

const credentials = z.looseObject({ username: z.string().max(200), password: z.string().max(200) });

export const authRoutes: RouteModule = (ctx) => [
  {
    method: 'POST',
    path: '/{tenant}/api/auth',
    access: 'public',
    async handle(req) {
      const body = credentials.safeParse(await req.json(z.unknown()));
      const caller = body.success ? authenticate(ctx.db, body.data.username, body.data.password) : null;
      if (!caller) throw new HttpError(401, { code: 401, message: 'Invalid credentials.' });
      const iat = Math.floor(ctx.now().getTime() / 1000);
      const token = signToken(
        { id: caller.id, username: caller.username, tenant_id: ctx.catalogue.tenant.id, iat, exp: iat + ctx.tokenTtlSeconds, gen: ctx.tokenGeneration.value },
        ctx.secret,
      );
      return { status: 200, json: { token } };
    },
  },
];
