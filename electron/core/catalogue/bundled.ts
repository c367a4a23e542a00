/**
 * The catalogue shipped with the app (catalogue/demo/<slug>/), imported when the
 * installation has no portal and the comune is not in the database yet, so a demo or a
 * kiosk without network still has its services. A portal's catalogue, once synced, is
 * never overwritten by the bundled one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../ports/clock';
import type { CatalogueRepo } from './catalogue-repo';
import { importCatalogue, type ImportReport } from './import';
import { readCatalogueDirectory } from './read-directory';

export function bundledCatalogueDir(slug: string, root = join(__dirname, 'demo')): string {
  return join(root, slug);
}

export function importBundledCatalogue(repo: CatalogueRepo, dir: string, clock: Clock): ImportReport | null {
  if (!existsSync(join(dir, 'tenant.json'))) return null;
  const source = readCatalogueDirectory(dir);
  if (repo.getTenant(source.tenant.slug)) return null;
  const report = importCatalogue(repo, source, clock);
  return { ...report, problems: [...source.formProblems, ...report.problems] };
}
