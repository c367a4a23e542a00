/**
 * A token for an account, as lexik's JWTManager::create (lexik/jwt-authentication-bundle 2.16,
 * composer.lock) makes it: `roles` (User::getRoles) and `username` (the user identity field),
 * then JWTCreatedListener's `id` and `tenant_id` (src/EventListener/JWTCreatedListener.php), `iat`
 * and `exp` = iat + TOKEN_TTL (`token_ttl` of config/packages/app.yaml, 3600 s by default). The
 * same for `POST api/auth`, `GET api/session-auth` and the login's `?format=jwt`.
 * OURS: HS256 instead of RS256, and the `gen` claim that expires every token at once (jwt.ts).
 */
import type { PortalContext } from './context';
import { signToken } from './jwt';
import type { Caller } from './router';

/**
 * User::getRoles: the roles the entity added, then ROLE_USER (User::addRole never stores it):
 * OperatoreUser's and AdminUser's constructors add their role, CPSUserProvider adds ROLE_CPS_USER.
 */
const ROLES: Record<Caller['role'], string[]> = {
  operator: ['ROLE_OPERATORE', 'ROLE_USER'],
  admin: ['ROLE_ADMIN', 'ROLE_USER'],
  citizen: ['ROLE_CPS_USER', 'ROLE_USER'],
};

export function issueToken(ctx: PortalContext, caller: Caller): string {
  const iat = Math.floor(ctx.now().getTime() / 1000);
  return signToken(
    { roles: ROLES[caller.role], username: caller.username, id: caller.id, tenant_id: ctx.catalogue.tenant.id, iat, exp: iat + ctx.tokenTtlSeconds, gen: ctx.tokenGeneration.value },
    ctx.secret,
  );
}
