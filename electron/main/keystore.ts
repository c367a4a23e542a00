/**
 * The keystore of an Electron installation: the same key files as the browser host's
 * (core/keystore/file-keystore.ts), in the user's application-data folder, each wrapped
 * by the OS keystore through safeStorage (DPAPI on Windows, the Keychain on macOS, the
 * Secret Service or KWallet on Linux). A copy of the files alone opens nothing.
 *
 * Where Linux has no keyring, safeStorage falls back to a fixed key ('basic_text'): the
 * files are then protected by their 0600 mode only, and the log says so.
 * Not run on the build machines (no Electron binary): reviewed by reading.
 */
import { app, safeStorage } from 'electron';
import { join } from 'node:path';
import { fileKeystore } from '../core/keystore/file-keystore';
import type { Keystore } from '../core/ports/keystore';
import type { Logger } from '../core/log/logger';

export function electronKeystore(log: Logger): Keystore {
  const weak = !safeStorage.isEncryptionAvailable() || (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  if (weak) log.warn('portachiavi del sistema non disponibile: le chiavi sono protette solo dai permessi dei file');
  return fileKeystore(join(app.getPath('userData'), 'chiavi'), {
    wrap: (plain) => (weak ? plain : safeStorage.encryptString(plain.toString('base64'))),
    unwrap: (stored) => (weak ? stored : Buffer.from(safeStorage.decryptString(stored), 'base64')),
  });
}
