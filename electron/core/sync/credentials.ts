/**
 * The kiosk's portal account, read from where the configuration says (an environment
 * variable pair or a file only the app can read). The values live in memory only: never
 * logged, never stored in the database.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DomainError } from '../errors';
import type { credentialsReferenceSchema } from '../config/schema';

export interface PortalCredentials {
  readonly username: string;
  readonly password: string;
}

const fileSchema = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(200) }).strict();

const missing = (where: string) =>
  new DomainError('credenziali-portale-mancanti', `Credenziali del portale non disponibili (${where}). Rivolgiti all'assistenza.`);

export function readCredentials(reference: z.output<typeof credentialsReferenceSchema>, env: NodeJS.ProcessEnv = process.env): PortalCredentials {
  if (reference.from === 'env') {
    const username = env[reference.usernameVar];
    const password = env[reference.passwordVar];
    if (!username || !password) throw missing(`variabili ${reference.usernameVar} / ${reference.passwordVar}`);
    return { username, password };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(reference.path, 'utf8'));
  } catch {
    throw missing(`file ${reference.path}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw missing(`file ${reference.path} non valido`);
  return parsed.data;
}
