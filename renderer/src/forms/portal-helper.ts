/**
 * What the form sandbox's `window.FormioHelper.authenticatedCall(path)` forwards to: core's
 * `moduli.helper`, which answers only the paths the portal's forms use, from the portal or from its
 * copy when the portal is down. Resolves with the JSON body, as the real helper does
 * (assets/js/utils/FormIoHelper.js); rejects with core's Italian message otherwise.
 */
import { messageOf, unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';

export interface PortalHelper {
  authenticatedCall(path: unknown): Promise<unknown>;
}

/**
 * The helper for the forms of `tenant` (the comune whose catalogue the form comes from).
 * `onCopiaCalendario` hears when a calendar's days or slots came from the copy (the portal not
 * reached): the citizen must know the slot may be gone and will be confirmed by the comune.
 */
export function portalHelper(tenant: string, onCopiaCalendario?: (fetchedAt: string) => void): PortalHelper {
  return {
    async authenticatedCall(path) {
      // A form script may pass anything; only a string can name a request.
      if (typeof path !== 'string') throw new Error('Il modulo ha chiesto al portale un dato non previsto.');
      try {
        const answer = await unwrap(sportello.moduli.helper({ tenant, path }));
        // Core names only `calendars/<id>/availabilities...` under `calendars/` (allowlist.ts).
        if (answer.source === 'cache' && path.startsWith('calendars/')) onCopiaCalendario?.(answer.fetchedAt);
        return answer.data;
      } catch (error) {
        // A plain Error with the message only: nothing of the call's internals reaches the form's script.
        throw new Error(messageOf(error));
      }
    },
  };
}
