/**
 * `GET /{tenant}/api/session-auth` (src/Controller/Rest/SessionAuthAPIController.php,
 * getSessionAuthToken): the token of the web session's user, `{"token": <JWT>}` (../tokens.ts).
 * The path is in none of the stateless API firewalls of config/packages/security.yaml, so the
 * `open_login` firewall and its session (`PHPSESSID`, ../session-store.ts) decide; access_control
 * wants ROLE_CPS_USER, ROLE_OPERATORE or ROLE_ADMIN. An anonymous request (no cookie, an unknown
 * or expired session) is sent by the firewall's entry point to the login (./login-pat.ts
 * `loginEntryPoint`: 302 to `/{tenant}/login`), and Symfony's ExceptionListener first keeps the
 * request's URL in the session as the target path, starting a session (and its cookie) if there
 * was none: the login that follows in that session comes back here.
 * Only citizens log in on the web here (operators' form login is not reproduced). The `OPTIONS`
 * route and `POST` (a new anonymous user's token, createAnonymousSessionAuthToken) are not reproduced.
 */
import { callerById } from '../accounts';
import type { RouteModule } from '../router';
import { issueToken } from '../tokens';
import { loginEntryPoint, overHttps } from './login-pat';

export const sessionAuthRoutes: RouteModule = (ctx) => [
  {
    method: 'GET',
    path: '/{tenant}/api/session-auth',
    access: 'public',
    handle(req) {
      const found = ctx.sessions.find(req.raw.headers.cookie);
      const user = found?.data.userId ? callerById(ctx.db, found.data.userId) : null;
      if (user) return { status: 200, json: { token: issueToken(ctx, user) } };
      const session = found ?? ctx.sessions.start();
      session.data.targetPath = `${ctx.baseUrl()}${req.raw.url ?? ''}`;
      const answer = loginEntryPoint(ctx);
      return found ? answer : { ...answer, headers: { ...answer.headers, 'set-cookie': ctx.sessions.cookie(session, overHttps(req)) } };
    },
  },
];
