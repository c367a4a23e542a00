/**
 * Builds the identity session from the configuration: reader filter, CA bundle,
 * and the card port the composition root chose (the machine's readers, a test's card).
 */
import type { EventBus } from '../api/event-bus';
import type { Events } from '../../shared/contract';
import type { Config } from '../config/schema';
import type { Logger } from '../log/logger';
import type { CardPortFactory } from '../ports/card';
import type { Clock } from '../ports/clock';
import { caricaFiducia } from '../pki/fiducia';
import { fiduciaCarta } from '../pki/fiducia-carta';
import { IdentitySession } from './session';

export interface IdentityDeps {
  readonly config: Config;
  readonly bus: Pick<EventBus<Events>, 'emit'>;
  readonly log: Logger;
  readonly clock: Clock;
  readonly cardPortFactory: CardPortFactory;
}

export function createIdentitySession(deps: IdentityDeps): IdentitySession {
  const port = deps.cardPortFactory({
    readerNameFilter: deps.config.reader.nameFilter,
    // Read once at start: a configured CA file that does not load stops the app with its reason.
    trusts: fiduciaCarta(caricaFiducia(deps.config), () => deps.clock.now()),
    now: () => deps.clock.now(),
  });
  return new IdentitySession(port, deps.bus, deps.log);
}

export { cardHandlers } from './handlers';
