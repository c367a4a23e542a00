/**
 * Reader of pcsc-tools' smartcard_list.txt (tests/fixtures/smartcard-list), the public
 * table of ATRs and what people reported the card to be.
 *
 * The file's syntax: `#` comments; an entry is one line holding the ATR as a regular
 * expression over space-separated hex bytes, then the lines starting with a tab (the
 * descriptions). Entries are separated by an empty line, but a description may itself
 * hold one (the JCOP 41 entry): as in pcsc-tools' own sort_smartcard_list.py, a tab line
 * belongs to the last ATR read, whatever came between. Most ATRs are plain bytes; some use `.` for any
 * nibble (`..` any byte, `3.`), `[..]` classes or `.*` for "anything after": such a
 * pattern stands for many ATRs and is not one a reader sends. `concreteAtr` refuses it
 * rather than inventing bytes, so tables built on the list only hold ATRs someone saw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AtrListEntry {
  /** The ATR as written in the file, upper case, spaces removed; wildcards kept. */
  readonly pattern: string;
  readonly descriptions: readonly string[];
  /** 1-based line of the ATR in the file, to name the entry in a failing test. */
  readonly line: number;
}

const SMARTCARD_LIST_PATH = join(__dirname, '../fixtures/smartcard-list/smartcard_list.txt');

function parseSmartcardList(text: string): AtrListEntry[] {
  const entries: AtrListEntry[] = [];
  let current: { pattern: string; descriptions: string[]; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.startsWith('#') || raw.trim() === '') return;
    if (raw.startsWith('\t') || raw.startsWith(' ')) {
      if (!current) throw new Error(`smartcard_list.txt:${index + 1}: description outside an entry`);
      current.descriptions.push(raw.trim());
      return;
    }
    current = { pattern: raw.replace(/\s+/g, '').toUpperCase(), descriptions: [], line: index + 1 };
    entries.push(current);
  });
  return entries;
}

export function readSmartcardList(path = SMARTCARD_LIST_PATH): AtrListEntry[] {
  return parseSmartcardList(readFileSync(path, 'utf8'));
}

/** The bytes of an entry written as plain hex, or undefined when the pattern has wildcards, classes or `.*`. */
export function concreteAtr(entry: AtrListEntry): Uint8Array | undefined {
  if (!/^(?:[0-9A-F]{2})+$/.test(entry.pattern)) return undefined;
  return Uint8Array.from(entry.pattern.match(/../g)!, (pair) => parseInt(pair, 16));
}

