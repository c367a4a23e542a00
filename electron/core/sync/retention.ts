/**
 * Retention: once a pratica reached a final status (accepted, rejected, withdrawn), its
 * personal data stays on this device for the configured number of days (0 on a shared kiosk,
 * 90 at home by default) and is then removed; the portal keeps the pratica. Outcome files
 * stored for it are deleted too, and the bytes of its attachments and signed module once
 * nothing else on the device refers to them.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { removeBlobFiles } from '../store/oblio-repo';
import type { RemoteRepo } from '../store/remote-repo';

export interface RetentionDeps {
  remote: RemoteRepo;
  esitiDir: string;
  allegatiDir: string;
  retentionDays: number;
  now: () => Date;
}

export function purgeExpired(deps: RetentionDeps): string[] {
  const cutoff = new Date(deps.now().getTime() - deps.retentionDays * 86_400_000).toISOString();
  const purged: string[] = [];
  for (const praticaId of deps.remote.dueForPurge(cutoff)) {
    const files = deps.remote.get(praticaId)?.outcomeFiles ?? [];
    removeBlobFiles(deps.allegatiDir, deps.remote.purge(praticaId, deps.now().toISOString()));
    for (const f of files) rmSync(join(deps.esitiDir, f.sha256), { force: true });
    purged.push(praticaId);
  }
  return purged;
}
