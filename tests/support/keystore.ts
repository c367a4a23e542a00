/** A Keystore in memory, for unit tests of what the seal protects (one per test: nothing shared). */
import { randomBytes } from 'node:crypto';
import type { Keystore } from '../../electron/core/ports/keystore';
import { createSigillo, type Sigillo } from '../../electron/core/audit/sigillo';

export function memoryKeystore(): Keystore {
  const keys = new Map<string, Buffer>();
  const records = new Map<string, string>();
  return {
    key(name) {
      if (!keys.has(name)) keys.set(name, randomBytes(32));
      return keys.get(name)!;
    },
    read: (name) => records.get(name) ?? null,
    write: (name, value) => void records.set(name, value),
  };
}

export function testSigillo(keystore: Keystore = memoryKeystore()): Sigillo {
  return createSigillo(keystore, '/dati/di/prova');
}
