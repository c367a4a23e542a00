/**
 * Retention: once a pratica reached a final status (accepted, rejected, withdrawn), its
 * personal data stays on this device for the configured number of days (0 on a shared kiosk,
 * 90 at home by default) and is then removed; the portal keeps the pratica. Outcome files
 * stored for it are deleted too, and the bytes of its attachments and signed module once
 * nothing else on the device refers to them.
 */
import type { FileStores } from '../store/blob-store';
import type { RemoteRepo } from '../store/remote-repo';

export interface RetentionDeps {
  remote: RemoteRepo;
  files: FileStores;
  retentionDays: number;
  now: () => Date;
}

export function purgeExpired(deps: RetentionDeps): string[] {
  const cutoff = new Date(deps.now().getTime() - deps.retentionDays * 86_400_000).toISOString();
  const purged: string[] = [];
  for (const praticaId of deps.remote.dueForPurge(cutoff)) {
    const files = deps.remote.get(praticaId)?.outcomeFiles ?? [];
    const released = deps.remote.purge(praticaId, deps.now().toISOString());
    for (const sha256 of released.blobs) deps.files.allegati.remove(sha256);
    // The comune's: outcome files and the files of its messages.
    for (const sha256 of [...files.map((f) => f.sha256), ...released.esiti]) deps.files.esiti.remove(sha256);
    purged.push(praticaId);
  }
  return purged;
}
