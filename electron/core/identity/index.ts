/**
 * Builds the identity session from the configuration: reader filter, CA bundle,
 * and the card port (the machine's readers unless a test or the demo passes
 * another factory).
 */
import { readFileSync } from 'node:fs';
import type { EventBus } from '../api/event-bus';
import type { Events } from '../../shared/contract';
import type { Config } from '../config/schema';
import { DomainError } from '../errors';
import type { Logger } from '../log/logger';
import type { CardPortFactory } from '../ports/card';
import type { Clock } from '../ports/clock';
import { createNativeCardPort } from './native-card-port';
import { IdentitySession } from './session';

export interface IdentityDeps {
  readonly config: Config;
  readonly bus: Pick<EventBus<Events>, 'emit'>;
  readonly log: Logger;
  readonly clock: Clock;
  readonly cardPortFactory?: CardPortFactory;
}

function readCaBundle(path: string | null): string | null {
  if (path === null) return null;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new DomainError('configurazione-non-valida', `Il file delle autorità di certificazione ${path} non si legge: ${(error as Error).message}`);
  }
}

export function createIdentitySession(deps: IdentityDeps): IdentitySession {
  const factory = deps.cardPortFactory ?? createNativeCardPort;
  const port = factory({
    readerNameFilter: deps.config.reader.nameFilter,
    caBundlePem: readCaBundle(deps.config.caBundlePath),
    now: () => deps.clock.now(),
  });
  return new IdentitySession(port, deps.bus, deps.log);
}

export { IdentitySession } from './session';
export { cardHandlers } from './handlers';
