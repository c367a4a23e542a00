/**
 * The portal as the form helper asks it (catalogue/form-helper/portal-port.ts), through the same
 * portal client sync uses, on the tenant sync uses. Failures become FormHelperPortalFailure:
 * transient ones (network, deadline, 5xx, 429) are "unreachable", so the helper answers from its
 * copy; every other one is "refused".
 */
import type { Config } from '../../core/config/schema';
import { FormHelperPortalFailure, type FormHelperPortal } from '../../core/catalogue/form-helper/portal-port';
import { readCredentials } from '../../core/sync/credentials';
import { createPortalClient } from './portal-client';
import type { PortalClient } from '../../core/sync/portal-port';
import { toPortalError } from './portal-failure';
import { tenantInUrl } from '../../core/sync/portal-endpoints';

function formHelperPortal(client: Pick<PortalClient, 'formHelperGet'>, tenant: string): FormHelperPortal {
  return {
    tenant,
    async get(request, signal) {
      try {
        return await client.formHelperGet(request.segments, request.query, signal);
      } catch (error) {
        const e = toPortalError(error, 'dati del modulo');
        throw new FormHelperPortalFailure(e.kind === 'transient' ? 'unreachable' : 'refused', e.message, e.status);
      }
    },
  };
}

/** The configured portal for the form helper, or null without one (the demo). */
export function formHelperPortalFor(config: Config): FormHelperPortal | null {
  const portal = config.portal;
  if (portal === null) return null;
  // The tenant exactly as the sync area picks it (area.ts).
  const tenant = portal.tenant ?? tenantInUrl(portal.url) ?? config.comune.id;
  const reference = portal.credentials;
  const client = createPortalClient({
    url: portal.url,
    tenant,
    credentials: () => {
      if (!reference) throw new Error('nessuna credenziale del portale nella configurazione');
      return readCredentials(reference);
    },
  });
  return formHelperPortal(client, tenant);
}
