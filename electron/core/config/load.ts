/**
 * Reads and validates the configuration file. A missing file means the demo
 * defaults; a file that is not valid JSON or not valid configuration stops the app
 * with a message that names the file and the faulty field, rather than running a
 * kiosk half-configured.
 */
import { readFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { configSchema, type Config } from './schema';
import { DomainError } from '../errors';

export function loadConfig(path: string | undefined): Config {
  if (!path || !existsSync(path)) return configSchema.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DomainError('configurazione-non-valida', `Il file di configurazione ${path} non è JSON valido: ${(error as Error).message}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new DomainError(
      'configurazione-non-valida',
      `Il file di configurazione ${path} non è valido: ${details.map((d) => `${d.path || '(radice)'}: ${d.message}`).join('; ')}`,
      details,
    );
  }
  return parsed.data;
}

/** The data directory: configured, or SPORTELLO_DATA_DIR, or ~/.sportello. */
export function dataDirectory(config: Config): string {
  return config.dataDirectory ?? process.env.SPORTELLO_DATA_DIR ?? join(homedir(), '.sportello');
}

/** The configuration file: SPORTELLO_CONFIG, or config.json in ~/.sportello. */
export function configPath(): string {
  return process.env.SPORTELLO_CONFIG ?? join(homedir(), '.sportello', 'config.json');
}
