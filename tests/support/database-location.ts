/**
 * The database location (directory and key) and the file stores the app itself would open a
 * data directory with: the keys come from the same file keystore as the app's (SPORTELLO_KEY_DIR, set by vitest.config.ts).
 */
import { databaseLocation, directoryKey } from '../../electron/core/keystore/directory-key';
import { fileStoresOf, type FileStores } from '../../electron/core/store/blob-store';
import { fileKeystore } from '../../electron/core/keystore/file-keystore';
import type { DatabaseLocation } from '../../electron/core/store/database';

export function locationOf(dataDir: string): DatabaseLocation {
  return databaseLocation(dataDir, fileKeystore());
}

/** The data directory's stored files, with the key the app itself uses. */
export function filesOf(dataDir: string): FileStores {
  return fileStoresOf(dataDir, directoryKey(fileKeystore(), 'file', dataDir));
}
