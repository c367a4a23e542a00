/** The daily copy of the database while the app runs (a kiosk may stay on for weeks). */
import type { Logger } from '../log/logger';
import { backupIfDue } from './backup';
import type { Db } from './database';

const CHECK_EVERY_MS = 60 * 60 * 1000;
/** Not during the start: a copy of a large archive takes seconds, and the first screen must not wait. */
const FIRST_CHECK_MS = 30 * 1000;

export function scheduleBackups(db: Db, dataDir: string, log: Logger): { stop(): void } {
  const check = () => {
    try {
      const path = backupIfDue(db, dataDir);
      if (path) log.info('copia di sicurezza dell\'archivio', { path });
    } catch (error) {
      // A full disk must not stop the kiosk; the next hour tries again.
      log.warn('copia di sicurezza non riuscita', { error });
    }
  };
  let timer: NodeJS.Timeout = setTimeout(function tick() {
    check();
    timer = setTimeout(tick, CHECK_EVERY_MS);
    timer.unref();
  }, FIRST_CHECK_MS);
  timer.unref();
  return { stop: () => clearTimeout(timer) };
}
