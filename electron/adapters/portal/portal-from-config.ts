/**
 * The portal an installation is configured with (`portal` in the configuration): the HTTP client
 * and its tenant. No `portal`, no client: the demo, whose pratiche wait in the outbox.
 *
 * Who the client speaks as: on a kiosk or a desk, the Comune's account (`portal.credentials`);
 * at home, the citizen of the card (`accesso`, core/sync/accesso-carta.ts), never an account.
 */
import type { Config } from '../../core/config/schema';
import { readCredentials } from '../../core/sync/credentials';
import { portalEndpoints, tenantInUrl } from '../../core/sync/portal-endpoints';
import type { ConfiguredPortal } from '../../core/sync/area';
import type { AccessoCarta } from '../../core/sync/accesso-carta';
import { createPortalClient, type PortalAccess } from './portal-client';

/** The tenant: as configured, else the one the URL names, else the comune's id. */
function tenantOf(config: Config): string | null {
  const portal = config.portal;
  return portal === null ? null : (portal.tenant ?? tenantInUrl(portal.url) ?? config.comune.id);
}

/** Where the citizen's card logs in (home): as configured, else the portal's own `login-pat`. */
export function cnsLoginUrlOf(config: Config): string | null {
  const portal = config.portal;
  if (portal === null) return null;
  return portal.cnsLoginUrl ?? portalEndpoints(portal.url, tenantOf(config) ?? undefined).cnsLogin;
}

export function portalFromConfig(config: Config, accesso: AccessoCarta | null = null): ConfiguredPortal | null {
  const portal = config.portal;
  const tenant = tenantOf(config);
  if (portal === null || tenant === null) return null;
  const reference = portal.credentials;
  const access: PortalAccess = accesso
    ? { kind: 'cittadino', token: () => accesso.token(), rifiutato: (token) => accesso.rifiutato(token) }
    : {
        kind: 'account',
        credentials: () => {
          if (!reference) throw new Error('nessuna credenziale del portale nella configurazione');
          return readCredentials(reference);
        },
      };
  const client = createPortalClient({
    url: portal.url,
    tenant,
    ...(portal.formServerUrl ? { formServerUrl: portal.formServerUrl } : {}),
    access,
  });
  return { client, tenant, accesso };
}
