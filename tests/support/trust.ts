/** Trust set-ups for tests: the virtual CNS's test CA as the app's PKI module sees it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificatiDaPem } from '../../electron/core/pki/certificati';
import { fiduciaCarta } from '../../electron/core/pki/fiducia-carta';
import { createTestCa } from '../../native/test-pki';

/** Card trust over a test CA alone (the shipped Italian list replaced), as core's PKI module builds it. */
export function trustOnly(caPem: string, now: () => Date = () => new Date()): (certificateDer: Uint8Array) => boolean {
  return fiduciaCarta({ ancore: certificatiDaPem(caPem), origine: 'CA di prova' }, now);
}

/**
 * A CA file holding the virtual CNS's test CA, for configurations of a card started
 * later: every `createTestCa()` has the same subject and the same cached key, so
 * this file trusts any virtual CNS of the run.
 */
export function virtualCnsCaBundle(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sportello-ca-')), 'ca-test.pem');
  writeFileSync(path, createTestCa().certificatePem);
  return path;
}
