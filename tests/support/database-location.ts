/**
 * The location (directory and key) the app itself would open a data directory with: the key
 * comes from the same file keystore as the app's (SPORTELLO_KEY_DIR, set by vitest.config.ts).
 */
import { databaseLocation } from '../../electron/core/keystore/directory-key';
import { fileKeystore } from '../../electron/core/keystore/file-keystore';
import type { DatabaseLocation } from '../../electron/core/store/database';

export function locationOf(dataDir: string): DatabaseLocation {
  return databaseLocation(dataDir, fileKeystore());
}
