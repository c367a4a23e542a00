/**
 * The audit log's rows (migration 201). Appending reads the chain's head and inserts the
 * next row in one transaction, so two appends can never chain to the same predecessor.
 * The hash itself is computed by core/audit (the repository only stores it).
 */
import { guard, type Db } from './database';

export interface AuditRow {
  seq: number;
  at: string;
  kind: string;
  operatore: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
  /** HMAC with the key outside the database (migration 202); null on a row not yet sealed. */
  mac: string | null;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

interface Row {
  seq: number;
  at: string;
  kind: string;
  operatore: string | null;
  data: string;
  prev_hash: string;
  hash: string;
  mac: string | null;
}

const toRow = (r: Row): AuditRow => ({
  seq: r.seq,
  at: r.at,
  kind: r.kind,
  operatore: r.operatore,
  data: JSON.parse(r.data) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
  mac: r.mac,
});

export function createAuditRepo(db: Db) {
  const s = {
    head: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    insert: db.prepare(`INSERT INTO audit_log (seq, at, kind, operatore, data, prev_hash, hash, mac)
      VALUES (@seq, @at, @kind, @operatore, @data, @prevHash, @hash, @mac)`),
    seal: db.prepare('UPDATE audit_log SET mac = ? WHERE seq = ? AND mac IS NULL'),
    all: db.prepare('SELECT * FROM audit_log ORDER BY seq'),
    between: db.prepare('SELECT * FROM audit_log WHERE kind = ? AND at >= ? AND at < ? ORDER BY seq'),
  };

  return {
    /**
     * Appends the row `build` makes from the current head (null for the first row).
     * Head read and insert share one transaction.
     */
    append(build: (head: AuditHead | null) => AuditRow): AuditRow {
      return guard(() =>
        db.transaction(() => {
          const row = build((s.head.get() as AuditHead | undefined) ?? null);
          s.insert.run({ ...row, data: JSON.stringify(row.data) });
          return row;
        }).immediate(),
      );
    },
    /** Seals a row written before migration 202 (the only update its triggers allow). */
    seal(seq: number, mac: string): void {
      guard(() => s.seal.run(mac, seq));
    },
    /** Every row in chain order (the verifier walks them all; the log grows by a few hundred a day). */
    *all(): Generator<AuditRow> {
      for (const r of s.all.iterate() as Iterable<Row>) yield toRow(r);
    },
    ofKindBetween(kind: string, fromIso: string, toIso: string): AuditRow[] {
      return (s.between.all(kind, fromIso, toIso) as Row[]).map(toRow);
    },
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
