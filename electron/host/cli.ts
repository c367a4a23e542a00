/**
 * `npm run start:browser`: the app in any browser on this machine, without Electron.
 * Options: --port <n> (default: any free port), --config <file>.
 */
import { join } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, configPath, dataDirectory } from '../core/config/load';
import { createLogger } from '../core/log/logger';
import { createCore } from '../core/composition';
import { startBrowserHost } from './server';
import { version } from '../../package.json';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, config: { type: 'string' } } });
  const config = loadConfig(values.config ?? configPath());
  const dataDir = dataDirectory(config);
  mkdirSync(dataDir, { recursive: true });
  const log = createLogger({ file: join(dataDir, 'sportello.log') });
  const rendererDir = join(__dirname, '../../out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`renderer non compilato: manca ${rendererDir}/index.html (esegui npm run build)`);
  }
  const core = await createCore({ config, log, version, dataDir });
  const host = await startBrowserHost({ core, rendererDir, log, port: values.port ? Number(values.port) : 0 });
  process.stdout.write(`Sportello (${config.comune.nome}, modalità ${config.mode}) è pronto: apri ${host.url}\n`);
  const stop = async (): Promise<void> => {
    await host.close();
    await core.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Sportello non si è avviato: ${(error as Error).message}\n`);
  process.exit(1);
});
