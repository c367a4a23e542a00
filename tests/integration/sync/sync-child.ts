/**
 * The syncing process, on its own: tests SIGKILL it at random points and benchmarks measure
 * its memory. Arguments: <dataDir> <portalUrl> [concurrency]. Prints "pronto" once its database is
 * open, then syncs until nothing of any kind waits in the outbox and prints a JSON report (peak RSS included).
 */
import { openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { syncUntilDrained, testEngine } from './engine';

async function main(): Promise<void> {
  const [dataDir, portalUrl, concurrency] = process.argv.slice(2);
  if (!dataDir || !portalUrl) throw new Error('uso: sync-child <dataDir> <portalUrl> [concurrency]');
  const db = openDatabase(locationOf(dataDir));
  const engine = testEngine({ db, dataDir, portalUrl, ...(concurrency ? { concurrency: Number(concurrency) } : {}) });
  process.stdout.write('pronto\n');
  const started = process.hrtime.bigint();
  const cycles = await syncUntilDrained(engine, db, 600_000);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  process.stdout.write(JSON.stringify({ cycles, seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error) + '\n');
  process.exit(1);
});
