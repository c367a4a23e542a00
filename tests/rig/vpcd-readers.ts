/**
 * The reader config pcscd is started with, made from reader.conf.d/sportello-vpcd.
 *
 * Why a generated copy: the vpcd driver keeps its connection state in globals
 * indexed by slot (0 or 1), and pcscd loads a LIBPATH once for every entry that
 * names it. With all entries on one libifdvpcd.so, every reader polls the sockets
 * of the LAST entry: only its two ports ever accept a card, and that card shows
 * up in every reader. Giving each entry its own copy of the library (glibc shares
 * a library between paths that are the same file, so copies, not links) gives
 * each entry its own globals, hence its own two ports.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

export const READER_SOURCE = join(__dirname, 'reader.conf.d', 'sportello-vpcd');
export const GENERATED_READER_DIR = join(tmpdir(), 'sportello-pcscd-readers');
const READER_FILE = 'sportello-vpcd';

/** The config text with one library copy per entry, named after the entry's channel. */
export function renderReaderConfig(source: string, libraryDir: string): { text: string; copies: Map<string, string> } {
  const copies = new Map<string, string>();
  const blocks = source.split(/\n\s*\n/).filter((b) => b.trim() !== '');
  const text = blocks
    .map((block) => {
      const channel = /CHANNELID\s+(\S+)/.exec(block)?.[1];
      const library = /LIBPATH\s+(\S+)/.exec(block)?.[1];
      if (!channel || !library) return block;
      const copy = join(libraryDir, `libifdvpcd-${Number(channel)}.so`);
      copies.set(copy, library);
      return block.replace(/LIBPATH\s+\S+/, `LIBPATH      ${copy}`);
    })
    .join('\n\n');
  return { text: `${text}\n`, copies };
}

/** Writes the generated config (and library copies) and returns its directory, for `pcscd -c`. */
export function prepareReaderConfig(dir = GENERATED_READER_DIR): string {
  // pcscd parses every file of its config directory: the libraries live beside it.
  const libraryDir = `${dir}-drivers`;
  mkdirSync(dir, { recursive: true });
  mkdirSync(libraryDir, { recursive: true });
  const { text, copies } = renderReaderConfig(readFileSync(READER_SOURCE, 'utf8'), libraryDir);
  for (const [copy, library] of copies) if (!existsSync(copy)) copyFileSync(library, copy);
  writeFileSync(join(dir, READER_FILE), text);
  return dir;
}

/** True when `dir` holds the config prepareReaderConfig would write (any checkout, same slots). */
export function isOurReaderConfig(dir: string): boolean {
  try {
    const expected = renderReaderConfig(readFileSync(READER_SOURCE, 'utf8'), `${dir}-drivers`).text;
    return readFileSync(join(dir, READER_FILE), 'utf8') === expected;
  } catch {
    return false;
  }
}
