/**
 * Keys belong to a data directory: two installations on one machine (a kiosk and a test
 * copy, two desks) never share one, and a data directory copied elsewhere finds none of
 * its keys there. The name is a short hash of the directory's absolute path, so the keys
 * themselves never say where the data is.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Keystore } from '../ports/keystore';

/** What each key protects: the audit seal, kiosk pseudonyms, the database, stored files, the kiosk's draft vault salt. */
export type KeyPurpose = 'registro' | 'pseudonimi' | 'archivio' | 'file' | 'bozze';

export function directoryKeyName(purpose: KeyPurpose, dataDir: string): string {
  return `${purpose}-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}`;
}

export function directoryKey(keystore: Keystore, purpose: KeyPurpose, dataDir: string): Buffer {
  return keystore.key(directoryKeyName(purpose, dataDir));
}

/** Where a data directory's database is and the key that opens it (store/database.ts). */
export function databaseLocation(dataDir: string, keystore: Keystore): { dataDir: string; key: Buffer } {
  return { dataDir, key: directoryKey(keystore, 'archivio', dataDir) };
}
