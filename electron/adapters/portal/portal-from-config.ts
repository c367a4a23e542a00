/**
 * The portal an installation is configured with (`portal` in the configuration): the HTTP client
 * and its tenant. No `portal`, no client: the demo, whose pratiche wait in the outbox.
 */
import type { Config } from '../../core/config/schema';
import { readCredentials } from '../../core/sync/credentials';
import { tenantInUrl } from '../../core/sync/portal-endpoints';
import type { ConfiguredPortal } from '../../core/sync/area';
import { createPortalClient } from './portal-client';

export function portalFromConfig(config: Config): ConfiguredPortal | null {
  const portal = config.portal;
  if (portal === null) return null;
  const reference = portal.credentials;
  // The tenant: as configured, else the one the URL names, else the comune's id.
  const tenant = portal.tenant ?? tenantInUrl(portal.url) ?? config.comune.id;
  const client = createPortalClient({
    url: portal.url,
    tenant,
    ...(portal.formServerUrl ? { formServerUrl: portal.formServerUrl } : {}),
    credentials: () => {
      if (!reference) throw new Error('nessuna credenziale del portale nella configurazione');
      return readCredentials(reference);
    },
  });
  return { client, tenant };
}
