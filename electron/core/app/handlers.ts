import type { Handlers } from '../../shared/define';
import type { appCalls } from '../../shared/contract/app';
import type { Config } from '../config/schema';
import type { Clock } from '../ports/clock';

export interface AppInfoDeps {
  config: Config;
  version: string;
  demo: boolean;
  clock: Clock;
}

export function appHandlers(deps: AppInfoDeps): Handlers<typeof appCalls> {
  return {
    'app.info': async () => ({
      name: 'Sportello',
      version: deps.version,
      mode: deps.config.mode,
      comune: { id: deps.config.comune.id, nome: deps.config.comune.nome },
      demo: deps.demo,
      idleTimeoutSeconds: deps.config.idleTimeoutSeconds,
      portal: { configured: deps.config.portal !== null, url: deps.config.portal?.url ?? null },
    }),
    'app.echo': async ({ text }) => ({ text, receivedAt: deps.clock.now().toISOString() }),
  };
}
