/**
 * Attachment bytes, stored once per content under `<dataDir>/allegati/<sha256>`. Written
 * to a temporary file, flushed, then renamed: a crash leaves either the whole file or
 * nothing under the final name. Failures of the disk come out as StoreError (Italian).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDirectory, storeErrorOf } from '../../store/database';

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function createBlobStore(dataDir: string) {
  const dir = join(dataDir, 'allegati');
  const pathOf = (sha256: string): string => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('sha256 non valido');
    return join(dir, sha256);
  };
  return {
    /** Stores the bytes (if not there yet) and returns their SHA-256. */
    put(bytes: Uint8Array): string {
      const sha256 = sha256Of(bytes);
      const target = pathOf(sha256);
      if (existsSync(target)) return sha256;
      const temporary = `${target}.${process.pid}.tmp`;
      try {
        ensureDirectory(dir);
        const fd = openSync(temporary, 'w', 0o600);
        try {
          writeSync(fd, bytes);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, target);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw storeErrorOf(error) ?? error;
      }
      return sha256;
    },
    read: (sha256: string): Buffer => readFileSync(pathOf(sha256)),
    has: (sha256: string): boolean => existsSync(pathOf(sha256)),
  };
}

export type BlobStore = ReturnType<typeof createBlobStore>;
