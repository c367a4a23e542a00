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

export type AuditKind = 'rilascio' | 'operatore.creato' | 'operatore.accesso' | 'operatore.bloccato' | 'operatore.sbloccato';

function assertNoSecrets(data: Record<string, unknown>): void {
  if (JSON.stringify(redact(data)) !== JSON.stringify(data)) {
    throw new DomainError('audit-dato-segreto', 'Una voce del registro conteneva un dato riservato ed è stata rifiutata.');
  }
}

export function createRegistro(repo: AuditRepo, clock: Clock) {
  return {
    append(kind: AuditKind, operatore: string | null, data: Record<string, unknown>): AuditRow {
      assertNoSecrets(data);
      const at = clock.now().toISOString();
      return repo.append((head) => {
        const entry = { seq: (head?.seq ?? 0) + 1, at, kind, operatore, data, prevHash: head?.hash ?? GENESIS };
        return { ...entry, hash: entryHash(entry) };
      });
    },
    entries(): Iterable<AuditRow> {
      return repo.all();
    },
    verify(): ChainVerdict {
      return verifyChain(repo.all());
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
