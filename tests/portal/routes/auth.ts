/**
 * `POST /{tenant}/api/auth` {username, password} -> {token} (lexik/jwt-authentication-bundle, the
 * `api_login` firewall of config/packages/security.yaml; the token as ../tokens.ts makes it). Wrong credentials: 401
 * {code: 401, message: "Invalid credentials."}. The app sends `Authorization: Bearer <token>` and
 * renews it on a 401. (Ours: HS256 instead of RS256, and a generation claim to expire every token.)
 */
import { z } from 'zod';
import { authenticate } from '../accounts';
import { HttpError, type RouteModule } from '../router';
import { issueToken } from '../tokens';

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
      return { status: 200, json: { token: issueToken(ctx, caller) } };
    },
  },
];
