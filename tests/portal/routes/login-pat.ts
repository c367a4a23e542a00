/**
 * The citizen's web login with the card, served by the HTTPS web server in front (../cns-web-server.ts),
 * as the portal takes it:
 * - `GET /{tenant}/auth/login-pat` (route `login_pat`, src/Controller/General/SecurityController.php;
 *   LOGIN_ROUTE is `login_pat` by default, config/packages/app.yaml) is taken by PatAuthenticator
 *   (src/Security/PatAuthenticator.php) when the Shibboleth session's three variables are there
 *   (`supports`); it reads every `shibbolet_server_varnames` variable into the user data
 *   (`createUserDataFromRequest`). Without them, or without a codice fiscale (AbstractAuthenticator::
 *   getCredentials null), the controller itself runs and throws UnauthorizedHttpException: a 401
 *   page.
 * - The citizen is found by codice fiscale, case-insensitive, or created (CPSUserProvider::
 *   provideUser; name and surname updated for a known one), the session migrated to a new id
 *   (Symfony's guard handler, `migrate` session strategy), the user and the authentication data
 *   stored in it (UserSessionService::storeCurrentUserSessionData, UserAuthenticationData with
 *   `authenticationMethod` "cps/cns", CPSUser::IDP_CPS_OR_CNS).
 * - The answer is AbstractAuthenticator::onAuthenticationSuccess's redirect, with the session's
 *   cookie: `?format=jwt` to `login_success` with `?token=<JWT>` (../tokens.ts), else a
 *   `return-url` that is a URL, else the target path kept in the session (an anonymous request
 *   to a protected page, ./session-auth.ts), else `user_dashboard` (`/{tenant}/it/user/`). Paths
 *   as the URL generator gives them: absolute paths on the server that answered.
 * - `loginEntryPoint`: AbstractAuthenticator::start, the `open_login` firewall's entry point
 *   (config/packages/security.yaml), a redirect to the `login` route for an anonymous caller;
 *   `GET /{tenant}/login` (SecurityController::loginAction) redirects to `login_pat`.
 * Mounted on both servers: on the HTTP one no web server sets the variables, so `login-pat` is
 * the 401 page there, as on a real portal reached without its Shibboleth front.
 * OURS: `login_success` and `user_dashboard` answer a placeholder page (the real ones are Twig
 * pages) for the session's citizen, and send an anonymous caller to the login.
 */
import { provideCitizen } from '../accounts';
import type { PortalContext } from '../context';
import { HtmlError, type PortalRequest, type PortalResponse, type RouteModule } from '../router';
import { issueToken } from '../tokens';

/** `shibbolet_server_varnames` (config/packages/app.yaml), with their `env(SHIB_...)` defaults: the ones a card login involves. */
export const SERVER_VARNAMES = {
  codiceFiscale: 'shibb_pat_attribute_codicefiscale',
  nome: 'shibb_pat_attribute_nome',
  cognome: 'shibb_pat_attribute_cognome',
  x509certificate_issuerdn: 'shibb_pat_attribute_x509certificate_issuerdn',
  x509certificate_subjectdn: 'shibb_pat_attribute_x509certificate_subjectdn',
  x509certificate_base64: 'shibb_pat_attribute_x509certificate_base64',
  shibSessionId: 'shibb_Shib-Session-ID',
  shibSessionIndex: 'shibb_Shib-Session-Index',
  shibAuthenticationIstant: 'shibb_Shib-Authentication-Instant',
} as const;

type UserDataKey = keyof typeof SERVER_VARNAMES;

/** `$request->server`: what the web server in front set for this request. */
export type ServerVariables = Partial<Record<(typeof SERVER_VARNAMES)[UserDataKey], string>>;

const DASHBOARD = (tenant: string) => `/${tenant}/it/user/`;

/** AbstractAuthenticator::start: the anonymous caller of a protected page is sent to the `login` route. */
export function loginEntryPoint(ctx: PortalContext): PortalResponse {
  return { status: 302, headers: { location: `${ctx.baseUrl()}/${ctx.catalogue.tenant.slug}/login` }, body: Buffer.alloc(0) };
}

/** `filter_var($url, FILTER_VALIDATE_URL)`, narrower (OURS): a scheme and a host. */
function isUrl(value: string | null): value is string {
  if (!value || !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]/i.test(value)) return false;
  return URL.canParse(value);
}

function createUserDataFromRequest(server: ServerVariables): Record<UserDataKey, string | null> {
  const entries = Object.entries(SERVER_VARNAMES).map(([ours, name]) => [ours, server[name] ?? null]);
  return Object.fromEntries(entries) as Record<UserDataKey, string | null>;
}

function login(ctx: PortalContext, req: PortalRequest): PortalResponse {
  const server = req.server ?? {};
  const tenant = req.params.tenant!;
  const supported = [SERVER_VARNAMES.shibSessionId, SERVER_VARNAMES.shibAuthenticationIstant, SERVER_VARNAMES.shibSessionIndex].every((name) => !!server[name]);
  const userData = createUserDataFromRequest(server);
  if (!supported || userData.codiceFiscale === null) throw new HtmlError(401);
  const citizen = provideCitizen(ctx.db, { fiscalCode: userData.codiceFiscale, name: userData.nome, surname: userData.cognome }, ctx.now());
  const session = ctx.sessions.migrate(ctx.sessions.find(req.raw.headers.cookie) ?? ctx.sessions.start());
  session.data.userId = citizen.id;
  session.data.userData = userData;
  session.data.authentication = {
    authenticationMethod: 'cps/cns',
    sessionId: userData.shibSessionId,
    certificateIssuer: userData.x509certificate_issuerdn,
    certificateSubject: userData.x509certificate_subjectdn,
    certificate: userData.x509certificate_base64,
    instant: userData.shibAuthenticationIstant,
    sessionIndex: userData.shibSessionIndex,
  };
  const returnUrl = req.query.get('return-url');
  const location =
    req.query.get('format') === 'jwt'
      ? `/${tenant}/auth/login-success?${new URLSearchParams({ token: issueToken(ctx, citizen) })}`
      : isUrl(returnUrl)
        ? returnUrl
        : (session.data.targetPath ?? DASHBOARD(tenant));
  return { status: 302, headers: { location, 'set-cookie': ctx.sessions.cookie(session, overHttps(req)) }, body: Buffer.alloc(0) };
}

/** `cookie_secure: auto` (config/packages/framework.yaml): secure when the request came over HTTPS. */
export const overHttps = (req: PortalRequest): boolean => (req.raw.socket as { encrypted?: boolean }).encrypted === true;

/**
 * SecurityController::loginAction: to the configured login route, `format` and `return-url` kept.
 * OURS: that route is served by the HTTPS web server when there is one, another origin here.
 */
function loginRoute(ctx: PortalContext, req: PortalRequest): PortalResponse {
  const params = new URLSearchParams();
  for (const name of ['format', 'return-url']) if (req.query.get(name)) params.set(name, req.query.get(name)!);
  const query = params.size > 0 ? `?${params}` : '';
  return { status: 302, headers: { location: `${ctx.cnsOrigin() ?? ''}/${req.params.tenant!}/auth/login-pat${query}` }, body: Buffer.alloc(0) };
}

/** OURS: a page for the session's citizen, the login for anyone else. */
function placeholderPage(ctx: PortalContext, req: PortalRequest, title: string): PortalResponse {
  const userId = ctx.sessions.find(req.raw.headers.cookie)?.data.userId;
  if (!userId) return loginEntryPoint(ctx);
  const html = `<!DOCTYPE html><html lang="it"><head><meta charset="UTF-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
  return { status: 200, body: Buffer.from(html), headers: { 'content-type': 'text/html; charset=UTF-8' } };
}

export const loginPatRoutes: RouteModule = (ctx) => [
  { method: 'GET', path: '/{tenant}/login', access: 'public', handle: (req) => loginRoute(ctx, req) },
  { method: 'GET', path: '/{tenant}/auth/login-pat', access: 'public', handle: (req) => login(ctx, req) },
  { method: 'GET', path: '/{tenant}/auth/login-success', access: 'public', handle: (req) => placeholderPage(ctx, req, 'Benvenuto') },
  { method: 'GET', path: '/{tenant}/it/user/', access: 'public', handle: (req) => placeholderPage(ctx, req, 'La mia area personale') },
];
