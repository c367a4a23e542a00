/**
 * On a kiosk, a citizen's data lives only as long as it is needed: once their card is out
 * and what they submitted has reached the portal, nothing of them stays on the machine but
 * their drafts (kept to be resumed, deleted when older than `draftRetentionDays`) and the
 * emptied rows of their sent pratiche under a pseudonym (pseudonimo.ts). The WAL is
 * checkpointed and the database copies replaced by a fresh one, which no longer holds them. Runs when
 * a card leaves, when sync reports a change (a pratica was sent) and at start, so a kiosk
 * that was switched off with data on it forgets at the next start.
 */
import type { Logger } from '../log/logger';
import type { Clock } from '../ports/clock';
import type { Db } from '../store/database';
import { replaceAllCopies } from '../store/backup';
import { createOblioRepo } from '../store/oblio-repo';
import type { BlobStore } from '../store/blob-store';
import type { Pseudonimo } from './pseudonimo';

export interface OblioChioscoDeps {
  db: Db;
  dataDir: string;
  /** The attachment files a forgotten citizen leaves behind are removed from here. */
  allegati: BlobStore;
  /** The files of the comune's messages on a forgotten citizen's pratiche are removed from here. */
  esiti: BlobStore;
  clock: Clock;
  log: Logger;
  /** The codice fiscale of the card in the reader, if any: that citizen is still here. */
  present: () => string | null;
  /** The name sent pratiche are kept under once their citizen is forgotten. */
  pseudonimo: Pseudonimo;
  /** Drafts untouched for longer than this are deleted; null keeps them. */
  draftRetentionDays: number | null;
}

export function createOblioChiosco(d: OblioChioscoDeps) {
  const repo = createOblioRepo(d.db);
  return {
    /** Forgets every citizen who has left and has nothing waiting to be sent; returns how many. */
    run(): number {
      const now = d.clock.now();
      const draftsBefore = d.draftRetentionDays === null ? null : new Date(now.getTime() - d.draftRetentionDays * 86_400_000).toISOString();
      let forgotten = 0;
      let files = 0;
      for (const cf of repo.departed(d.present())) {
        const report = repo.forgetCitizen(cf, d.pseudonimo(cf), now.toISOString(), draftsBefore);
        for (const sha256 of report.blobs) d.allegati.remove(sha256);
        for (const sha256 of report.esiti) d.esiti.remove(sha256);
        files += report.blobs.length + report.esiti.length;
        if (report.changed) forgotten++;
        if (report.bozzeScadute > 0) d.log.info('bozze scadute eliminate', { bozze: report.bozzeScadute });
      }
      if (forgotten === 0) return 0;
      repo.flush();
      replaceAllCopies(d.db, d.dataDir, 'dopo-oblio', now);
      // Counts only: a codice fiscale in the log would be one more copy of what is being forgotten.
      d.log.info('dati dei cittadini usciti eliminati dal chiosco', { cittadini: forgotten, file: files });
      return forgotten;
    },
  };
}

export type OblioChiosco = ReturnType<typeof createOblioChiosco>;
