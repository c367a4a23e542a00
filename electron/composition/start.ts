/**
 * How every runtime starts the app: Electron main, the browser host and the tests all
 * go through here, so the order (configuration, a private data directory, the log, one
 * instance per directory, core) is written once. Whatever stops the start comes out as
 * a StartupError with a title and a message a person can act on; the runtime shows it
 * (Electron: a dialog; the browser host: a line on stderr) and exits.
 */
import { join } from 'node:path';
import { loadConfig, dataDirectory } from '../core/config/load';
import type { Config } from '../core/config/schema';
import { createLogger, type Logger } from '../core/log/logger';
import { createCore, type Core, type CoreOptions } from './core';
import { isUserFacing } from '../core/errors';
import { ensurePrivateDirectory } from '../core/store/private-files';

const LOG_FILE = 'sportello.log';
/** The title of a start that failed for no more specific reason. */
export const START_FAILED = 'Sportello non si è avviato';

export class StartupError extends Error {
  constructor(
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface StartOptions {
  /** The configuration file (absent file: the demo). */
  configFile: string | undefined;
  version: string;
  /** What the runtime adds to core for this configuration (a printer in Electron, a card port in tests). */
  core?: (config: Config, log: Logger) => Omit<CoreOptions, 'config' | 'log' | 'version' | 'dataDir'>;
  /** Where log lines go besides the file (default stderr). */
  logSink?: (line: string) => void;
}

export interface Started {
  config: Config;
  dataDir: string;
  log: Logger;
  core: Core;
}

export async function startApp(options: StartOptions): Promise<Started> {
  let config: Config;
  try {
    config = loadConfig(options.configFile);
  } catch (error) {
    throw new StartupError('Configurazione non valida', (error as Error).message);
  }
  const dataDir = dataDirectory(config);
  try {
    ensurePrivateDirectory(dataDir);
  } catch (error) {
    throw new StartupError('Cartella dei dati non utilizzabile', `Impossibile preparare la cartella dei dati ${dataDir}: ${(error as Error).message}`);
  }
  const log = createLogger({ file: join(dataDir, LOG_FILE), ...(options.logSink ? { sink: options.logSink } : {}) });
  try {
    const core = await createCore({ ...options.core?.(config, log), config, log, version: options.version, dataDir });
    return { config, dataDir, log, core };
  } catch (error) {
    log.error('avvio non riuscito', { error });
    if (isUserFacing(error)) throw new StartupError(START_FAILED, error.message);
    throw new StartupError(
      START_FAILED,
      `Errore imprevisto all'avvio (dettagli nel registro ${join(dataDir, LOG_FILE)}). Rivolgiti all'assistenza.`,
    );
  }
}
