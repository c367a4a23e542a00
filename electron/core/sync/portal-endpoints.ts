/**
 * Where a portal's API lives, from what an installer types: the portal's origin
 * (`https://servizi.comune.it`) with the tenant apart, or the tenant's base URL the portal
 * prints (`https://servizi.comune.it/comune-di-esempio`), with or without a trailing `/api`.
 * Either way the API is `<origin>/<tenant>/api` (the real portal mounts every tenant under its
 * slug), never `/<tenant>/<tenant>/api`.
 */
export interface PortalEndpoints {
  origin: string;
  tenant: string;
  api: string;
  /** `/{tenant}/{locale}/upload` (AllegatoController: outside `/api`). */
  uploads: string;
  /** `/{tenant}/auth/login-pat`: the CNS login (SecurityController, `general` routes under the prefix, no locale). */
  cnsLogin: string;
  /** `/{tenant}/{locale}/track-message.gif`: the read pixel of a message (TrackingController, anonymous). */
  readPixel: string;
}

class PortalAddressError extends Error {}

/** The tenant named by the URL's path, if any: its last segment, `/api` aside. */
export function tenantInUrl(url: string): string | null {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  if (segments.at(-1) === 'api') segments.pop();
  return segments.at(-1) ?? null;
}

export function portalEndpoints(url: string, tenant: string | undefined, locale = 'it'): PortalEndpoints {
  const parsed = new URL(url);
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (segments.at(-1) === 'api') segments.pop();
  const named = segments.at(-1);
  const slug = tenant ?? named;
  if (!slug) throw new PortalAddressError(`indirizzo del portale senza comune: ${parsed.origin} (indica portal.tenant o l'indirizzo del comune)`);
  // A path that ends with the tenant is the tenant's base; anything before it is a prefix the portal is mounted under.
  const prefix = named === slug ? segments.slice(0, -1) : segments;
  const origin = `${parsed.origin}${prefix.length ? `/${prefix.join('/')}` : ''}`;
  return { origin, tenant: slug, api: `${origin}/${slug}/api`, uploads: `${origin}/${slug}/${locale}/upload`, cnsLogin: `${origin}/${slug}/auth/login-pat`, readPixel: `${origin}/${slug}/${locale}/track-message.gif` };
}
