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
}

const toRow = (r: Row): AuditRow => ({
  seq: r.seq,
  at: r.at,
  kind: r.kind,
  operatore: r.operatore,
  data: JSON.parse(r.data) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export function createAuditRepo(db: Db) {
  const s = {
    head: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    insert: db.prepare(`INSERT INTO audit_log (seq, at, kind, operatore, data, prev_hash, hash)
      VALUES (@seq, @at, @kind, @operatore, @data, @prevHash, @hash)`),
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
