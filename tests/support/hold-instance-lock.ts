/**
 * A second process for the instance-lock tests: takes the data directory's lock, says
 * so on stdout, and holds it until killed (or until its stdin closes).
 */
import { lockDataDirectory } from '../../electron/core/store/instance-lock';

const dir = process.argv[2];
if (!dir) throw new Error('uso: hold-instance-lock <cartella>');
const lock = lockDataDirectory(dir);
process.stdout.write('bloccato\n');
process.stdin.resume();
process.stdin.on('end', () => {
  lock.release();
  process.exit(0);
});
