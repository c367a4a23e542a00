/**
 * The audit log as the rest of core uses it: append an entry, verify the chain, read a
 * day's releases. An entry refuses any field whose name could hold a secret (the same
 * rule the logger redacts by), so a PIN cannot reach the log even by mistake.
 */
import { DomainError } from '../errors';
import { redact } from '../log/redact';
import type { Clock } from '../ports/clock';
import type { AuditRepo, AuditRow } from '../store/audit-repo';
import { GENESIS, entryHash, verifyChain, type ChainVerdict } from './catena';
import { createSigillo, type Sigillo, type Testa } from './sigillo';
import type { Db } from '../store/database';
import { createAuditRepo } from '../store/audit-repo';
import type { Keystore } from '../ports/keystore';
import { fileKeystore } from '../keystore/file-keystore';

export type AuditKind = 'rilascio' | 'pratica.inviata' | 'operatore.creato' | 'operatore.accesso' | 'operatore.bloccato' | 'operatore.sbloccato';

function assertNoSecrets(data: Record<string, unknown>): void {
  if (JSON.stringify(redact(data)) !== JSON.stringify(data)) {
    throw new DomainError('registro-dato-segreto', 'Una voce del registro conteneva un dato riservato ed è stata rifiutata.');
  }
}

export function createRegistro(repo: AuditRepo, clock: Clock, sigillo: Sigillo) {
  return {
    append(kind: AuditKind, operatore: string | null, data: Record<string, unknown>): AuditRow {
      assertNoSecrets(data);
      const at = clock.now().toISOString();
      const row = repo.append((head) => {
        const entry = { seq: (head?.seq ?? 0) + 1, at, kind, operatore, data, prevHash: head?.hash ?? GENESIS };
        const hash = entryHash(entry);
        return { ...entry, hash, mac: sigillo.mac(entry.seq, hash) };
      });
      sigillo.registraTesta({ seq: row.seq, hash: row.hash });
      return row;
    },
    /**
     * Seals the rows written before the log had a seal (once, at the first start after the
     * upgrade), provided the chain holds: a chain already broken stays unsealed and shows.
     * Returns how many rows it sealed.
     */
    sealLegacy(): number {
      const rows = [...repo.all()];
      const legacy = rows.filter((r) => r.mac === null);
      if (legacy.length === 0 || !verifyChain(rows, null).ok) return 0;
      for (const row of legacy) repo.seal(row.seq, sigillo.mac(row.seq, row.hash));
      const last = rows.at(-1)!;
      if (sigillo.ultimaTesta() === null) sigillo.registraTesta({ seq: last.seq, hash: last.hash });
      return legacy.length;
    },
    /** The newest entry's place and hash, as the seal keeps it; null before the first entry. */
    testa(): Testa | null {
      return sigillo.ultimaTesta();
    },
    /** True when the log holds that entry with that hash (a head anchored elsewhere, say at the issuer). */
    contiene(testa: Testa): boolean {
      for (const row of repo.all()) if (row.seq === testa.seq) return row.hash === testa.hash;
      return false;
    },
    entries(): Iterable<AuditRow> {
      return repo.all();
    },
    verify(): ChainVerdict {
      return verifyChain(repo.all(), sigillo);
    },
    /** Releases of one calendar day (local time of the desk). */
    releasesOn(day: string): AuditRow[] {
      const from = new Date(`${day}T00:00:00`);
      const to = new Date(from.getFullYear(), from.getMonth(), from.getDate() + 1);
      return repo.ofKindBetween('rilascio', from.toISOString(), to.toISOString());
    },
  };
}

export type Registro = ReturnType<typeof createRegistro>;

/** The audit log of a data directory, sealed with that directory's key (default: the file keystore). */
export function registroDi(db: Db, dataDir: string, clock: Clock, keystore: Keystore = fileKeystore()): Registro {
  return createRegistro(createAuditRepo(db), clock, createSigillo(keystore, dataDir));
}
