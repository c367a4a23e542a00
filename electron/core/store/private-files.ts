/**
 * The data directory holds citizens' data: only the app's own user may read it. New
 * directories are made 0700 and the files in them 0600; an existing directory made
 * with looser rights (an earlier version, an installer) is tightened at start. On
 * Windows, modes mean little: the directory's ACL comes from the user's profile.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

export function ensurePrivateDirectory(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform === 'win32') return;
  chmodSync(dir, PRIVATE_DIR);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) ensurePrivateDirectory(path);
    else if (stat.isFile() && (stat.mode & 0o077) !== 0) chmodSync(path, PRIVATE_FILE);
  }
}

/** Makes one file private once it exists (SQLite and the logger create theirs with the umask). */
export function makePrivate(path: string): void {
  if (process.platform !== 'win32' && existsSync(path)) chmodSync(path, PRIVATE_FILE);
}
