/** The `card.*` calls of the contract, over the identity session. */
import type { Handlers } from '../../shared/contract/define';
import type { cardCalls } from '../../shared/contract/card';
import type { IdentitySession } from './session';

export function cardHandlers(session: IdentitySession): Handlers<typeof cardCalls> {
  return {
    'card.pinStatus': async () => session.pinStatus(),
    'card.verifyPin': async ({ pin }) => session.verifyPin(pin),
    'card.changePin': async ({ pin, newPin }) => {
      await session.changePin(pin, newPin);
      return { changed: true as const };
    },
    'card.unblockPin': async ({ puk, newPin }) => {
      await session.unblockPin(puk, newPin);
      return { unblocked: true as const };
    },
    'card.endSession': async () => session.endSession(),
  };
}
