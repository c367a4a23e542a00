/**
 * `POST /{tenant}/api/auth` {username, password} -> {token}. The app authenticates with
 * the kiosk's account and sends `Authorization: Bearer <token>`; the JWT (HS256) carries
 * `id`, `tenant_id` and `exp`, and the app must renew it when it expires (401).
 */
import { z } from 'zod';
import { authenticate } from '../accounts';
import { signToken } from '../jwt';
import { HttpError, type RouteModule } from '../router';

const credentials = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(200) }).strict();

export const authRoutes: RouteModule = (ctx) => [
  {
    method: 'POST',
    path: '/{tenant}/api/auth',
    access: 'public',
    async handle(req) {
      const body = await req.json(credentials);
      const caller = authenticate(ctx.db, body.username, body.password);
      if (!caller) throw new HttpError(401, 'Bad credentials.');
      const iat = Math.floor(ctx.now().getTime() / 1000);
      const token = signToken(
        { id: caller.id, username: caller.username, tenant_id: ctx.catalogue.tenant.id, iat, exp: iat + ctx.tokenTtlSeconds, gen: ctx.tokenGeneration.value },
        ctx.secret,
      );
      return { status: 200, json: { token } };
    },
  },
];
