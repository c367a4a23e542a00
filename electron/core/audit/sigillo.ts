/**
 * The audit log's seal: an HMAC-SHA256 of each row's place and hash with a key from the
 * Keystore (outside the database), and the last head (seq and hash, itself sealed) kept
 * beside the key. Whoever can write the database but not the key cannot re-chain edited
 * rows (their MACs no longer match) nor cut the newest rows off (the kept head is missing
 * from the chain). The daily report prints the head too, and a release sends it to the
 * issuing system: anchors outside this machine.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Keystore } from '../ports/keystore';
import { directoryKeyName } from '../keystore/directory-key';

export interface Testa {
  seq: number;
  hash: string;
}

export interface Sigillo {
  mac(seq: number, hash: string): string;
  matches(seq: number, hash: string, mac: string | null): boolean;
  /** The newest head this installation ever wrote, or null before the first entry. */
  ultimaTesta(): Testa | null;
  registraTesta(testa: Testa): void;
}

/** One key per data directory: two installations on one machine never share a seal. */
export function createSigillo(keystore: Keystore, dataDir: string): Sigillo {
  const name = directoryKeyName('registro', dataDir);
  const key = keystore.key(name);
  const mac = (seq: number, hash: string) => createHmac('sha256', key).update(`${seq}:${hash}`).digest('hex');
  const matches = (seq: number, hash: string, value: string | null) => {
    if (value === null || !/^[0-9a-f]{64}$/.test(value)) return false;
    return timingSafeEqual(Buffer.from(mac(seq, hash), 'hex'), Buffer.from(value, 'hex'));
  };
  const record = `${name}-testa`;
  return {
    mac,
    matches,
    ultimaTesta() {
      const raw = keystore.read(record);
      if (raw === null) return null;
      const [seq, hash, sealed] = raw.split(':');
      const testa = { seq: Number(seq), hash: hash ?? '' };
      // A head record that does not carry its own seal is no anchor: treated as tampering.
      if (!Number.isInteger(testa.seq) || !matches(testa.seq, testa.hash, sealed ?? null)) return { seq: Number.MAX_SAFE_INTEGER, hash: 'testa-non-valida' };
      return testa;
    },
    registraTesta(testa) {
      keystore.write(record, `${testa.seq}:${testa.hash}:${mac(testa.seq, testa.hash)}`);
    },
  };
}
