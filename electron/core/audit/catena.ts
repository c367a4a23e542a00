/**
 * The hash chain of the audit log. Each entry's hash is SHA-256 over its sequence number,
 * time, kind, operator, data and the previous entry's hash, in a canonical JSON form (keys
 * sorted), so:
 * - editing any field of an entry changes its hash;
 * - deleting an entry leaves a gap in the sequence and a `prevHash` that no longer matches;
 * - swapping two entries breaks both the sequence and the links.
 * With a seal (sigillo.ts), each row's MAC must match too, so a chain re-hashed by
 * someone without the key fails, and the head kept beside the key must still be in the
 * chain, so cutting the newest entries off fails as well.
 */
import { createHash } from 'node:crypto';
import type { AuditRow } from '../store/audit-repo';
import type { Sigillo } from './sigillo';

export const GENESIS = '0'.repeat(64);

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function entryHash(entry: Omit<AuditRow, 'hash' | 'mac'>): string {
  const content = canonical([entry.seq, entry.at, entry.kind, entry.operatore, entry.data, entry.prevHash]);
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

export type ChainVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; seq: number; reason: string };

/** Walks the rows in stored order and reports the first one that breaks the chain or its seal. */
export function verifyChain(rows: Iterable<AuditRow>, sigillo: Sigillo | null): ChainVerdict {
  let expectedSeq = 1;
  let previous = GENESIS;
  let count = 0;
  const anchor = sigillo?.ultimaTesta() ?? null;
  for (const row of rows) {
    count++;
    if (row.seq !== expectedSeq) {
      return { ok: false, entries: count, seq: row.seq, reason: `numerazione interrotta: atteso ${expectedSeq}, trovato ${row.seq} (voce cancellata o spostata)` };
    }
    if (row.prevHash !== previous) {
      return { ok: false, entries: count, seq: row.seq, reason: 'collegamento alla voce precedente non valido (voce cancellata, spostata o modificata)' };
    }
    if (entryHash(row) !== row.hash) {
      return { ok: false, entries: count, seq: row.seq, reason: 'contenuto modificato dopo la registrazione' };
    }
    if (sigillo && !sigillo.matches(row.seq, row.hash, row.mac)) {
      return { ok: false, entries: count, seq: row.seq, reason: 'sigillo non valido: la voce è stata riscritta senza la chiave del registro' };
    }
    if (anchor && row.seq === anchor.seq && row.hash !== anchor.hash) {
      return { ok: false, entries: count, seq: row.seq, reason: "la voce non è quella registrata come ultima: il registro è stato riscritto" };
    }
    previous = row.hash;
    expectedSeq++;
  }
  if (anchor && count < anchor.seq) {
    const missing = anchor.seq === Number.MAX_SAFE_INTEGER ? "l'ultima testa registrata non è valida" : `mancano le voci da ${count + 1} a ${anchor.seq}`;
    return { ok: false, entries: count, seq: count + 1, reason: `registro troncato: ${missing}` };
  }
  return { ok: true, entries: count, head: previous };
}
