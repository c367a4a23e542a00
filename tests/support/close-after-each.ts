/**
 * What a test opens (a reference portal, a kiosk, a second connection to its database, a
 * temporary data directory), closed after each test whether it passed or not: the last opened
 * first, so a kiosk still finds the portal it was started against while it closes, and a
 * directory goes only once nothing uses it. Each test starts from nothing left open.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

export interface Closable {
  close(): unknown;
}

/** Registers the afterEach; the function it returns hands it something to close and gives it back. */
export function closeAfterEach(): <T extends Closable>(opened: T) => T {
  const open: Closable[] = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });
  return (opened) => {
    open.push(opened);
    return opened;
  };
}

/**
 * The function it returns makes a new temporary directory, removed with its contents after the
 * test; `closing` is given when the test closes other things in the same order (before the directory).
 */
export function temporaryDirectoryPerTest(prefix: string, closing = closeAfterEach()): () => string {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    closing({ close: () => rmSync(dir, { recursive: true, force: true }) });
    return dir;
  };
}
