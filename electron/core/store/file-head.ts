/** Whether a file begins with these bytes, reading only as many (a format's magic, SQLite's header). */
import { closeSync, openSync, readSync } from 'node:fs';

export function fileStartsWith(path: string, prefix: Buffer): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(prefix.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(prefix);
  } finally {
    closeSync(fd);
  }
}
