/**
 * The Keystore in files: one file per key in a directory of its own (0700, files 0600),
 * written atomically (temporary file, then rename) so a power cut never leaves half a key.
 * Where: SPORTELLO_KEY_DIR, or ~/.sportello-chiavi; never inside the data directory.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Keystore } from '../ports/keystore';
import { ensurePrivateDirectory } from '../store/private-files';

const KEY_BYTES = 32;
const NAME = /^[a-z0-9][a-z0-9.-]{0,80}$/;

function defaultKeyDirectory(): string {
  return process.env.SPORTELLO_KEY_DIR ?? join(homedir(), '.sportello-chiavi');
}

/**
 * Optional wrapping of what is stored (Electron passes safeStorage's encrypt/decrypt);
 * by default the file holds the bytes as they are, protected by its mode alone.
 */
export interface Wrapping {
  wrap(plain: Buffer): Buffer;
  unwrap(stored: Buffer): Buffer;
}

const none: Wrapping = { wrap: (b) => b, unwrap: (b) => b };

export function fileKeystore(dir: string = defaultKeyDirectory(), wrapping: Wrapping = none): Keystore {
  const pathOf = (name: string, ext: string): string => {
    if (!NAME.test(name)) throw new Error(`nome di chiave non valido: ${name}`);
    return join(dir, `${name}.${ext}`);
  };
  const put = (path: string, bytes: Buffer): void => {
    ensurePrivateDirectory(dir);
    const part = `${path}.${process.pid}.part`;
    writeFileSync(part, wrapping.wrap(bytes), { mode: 0o600 });
    renameSync(part, path);
  };
  const get = (path: string): Buffer | null => (existsSync(path) ? wrapping.unwrap(readFileSync(path)) : null);
  return {
    key(name) {
      const path = pathOf(name, 'key');
      const existing = get(path);
      if (existing) {
        if (existing.length !== KEY_BYTES) throw new Error(`la chiave ${path} non è valida (${existing.length} byte)`);
        return existing;
      }
      put(path, randomBytes(KEY_BYTES));
      // Two processes making the key at once: the rename that came last wins, and both read that one.
      return get(path)!;
    },
    read(name) {
      return get(pathOf(name, 'dat'))?.toString('utf8') ?? null;
    },
    write(name, value) {
      put(pathOf(name, 'dat'), Buffer.from(value, 'utf8'));
    },
  };
}
