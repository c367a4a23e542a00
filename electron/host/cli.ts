/**
 * `npm run start:browser`: the app in any browser on this machine, without Electron.
 * Options: --port <n> (default: any free port), --config <file>.
 * Each address printed opens the app once (see tokens.ts); Enter in the terminal prints a new one.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { configPath } from '../core/config/load';
import { startApp, START_FAILED, StartupError } from '../composition/start';
import { startBrowserHost } from './server';
import { version } from '../../package.json';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, config: { type: 'string' } } });
  const rendererDir = join(__dirname, '../../out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new StartupError('Renderer non compilato', `manca ${rendererDir}/index.html (esegui npm run build)`);
  }
  const { config, log, core } = await startApp({ configFile: values.config ?? configPath(), version });
  const host = await startBrowserHost({ core, rendererDir, log, port: values.port ? Number(values.port) : 0 });
  process.stdout.write(`Sportello (${config.comune.nome}, modalità ${config.mode}) è pronto: apri ${host.url}\n`);
  // A closed tab cannot be reopened with a used address: the user asks for another here instead of restarting.
  if (process.stdin.isTTY) {
    process.stdout.write("Ogni indirizzo apre l'app una volta sola: premi Invio per averne uno nuovo.\n");
    createInterface({ input: process.stdin }).on('line', () => process.stdout.write(`Apri ${host.url}\n`));
  }
  const stop = async (): Promise<void> => {
    await host.close();
    await core.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  // The generic title says no more than the opening words: only a specific one is printed.
  const title = error instanceof StartupError && error.title !== START_FAILED ? `${error.title}: ` : '';
  process.stderr.write(`${START_FAILED}. ${title}${(error as Error).message}\n`);
  process.exit(1);
});
