/**
 * The portal as the form helper asks it (catalogue/form-helper/portal-port.ts), through the same
 * portal client sync uses, on the tenant sync uses. Failures become FormHelperPortalFailure:
 * transient ones (network, deadline, 5xx, 429) are "unreachable", so the helper answers from its
 * copy; every other one is "refused".
 */
import type { ConfiguredPortal } from '../../core/sync/area';
import { FormHelperPortalFailure, type FormHelperPortal } from '../../core/catalogue/form-helper/portal-port';
import type { PortalClient } from '../../core/sync/portal-port';
import { toPortalError } from './portal-failure';

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

/**
 * The configured portal for the form helper, or null without one (the demo): the client sync
 * uses, on its tenant. Its calls are public GETs, so whoever the client speaks as does not matter.
 */
export function formHelperPortalOf(portal: ConfiguredPortal | null): FormHelperPortal | null {
  return portal === null ? null : formHelperPortal(portal.client, portal.tenant);
}
