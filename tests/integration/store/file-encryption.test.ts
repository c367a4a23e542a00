/**
 * Stored files at rest (attachments, signed modules, outcomes): before, `allegati/<sha256>`
 * held each citizen's document as it was, under a name that tells which known document it
 * is. Now each is encrypted with the data directory's file key and named by an HMAC.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { createBlobStore, DamagedFileError, sha256Of } from '../../../electron/core/store/blob-store';
import { temporaryDirectoryPerTest } from '../../support/close-after-each';

const temporaryDirectory = temporaryDirectoryPerTest('sportello-file-cifrati-');
const storeDir = (): string => join(temporaryDirectory(), 'allegati');

const CERTIFICATO = Buffer.from('%PDF-1.7\nCertificato medico di Sofia Rossi, nata il 3 marzo 2019\n%%EOF\n');
const ALTRO = Buffer.from('%PDF-1.7\nAttestazione ISEE della famiglia Rossi\n%%EOF\n');

describe('stored files, encrypted', () => {
  it('a stored document is neither readable nor recognisable by name on disk, and reads back whole (bytes and stream)', async () => {
    const dir = storeDir();
    const key = randomBytes(32);
    const store = createBlobStore(dir, key);
    const sha = store.put(CERTIFICATO);
    expect(sha).toBe(sha256Of(CERTIFICATO));
    const [name] = readdirSync(dir);
    expect(name).not.toBe(sha);
    const raw = readFileSync(join(dir, name!));
    expect(raw.includes(Buffer.from('Sofia Rossi'))).toBe(false);
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    expect(store.read(sha).equals(CERTIFICATO)).toBe(true);
    expect(await text(store.stream(sha))).toBe(CERTIFICATO.toString());
    // The same content stored again is the same file: one copy per content.
    expect(store.put(CERTIFICATO)).toBe(sha);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('a byte changed on disk, a file renamed to stand for another, another key: refused, never handed on', async () => {
    const dir = storeDir();
    const key = randomBytes(32);
    const store = createBlobStore(dir, key);
    const a = store.put(CERTIFICATO);
    const b = store.put(ALTRO);

    const changed = readFileSync(store.pathOf(a));
    changed[30]! ^= 0x01;
    writeFileSync(store.pathOf(a), changed);
    expect(() => store.read(a)).toThrow(DamagedFileError);
    await expect(text(store.stream(a))).rejects.toThrow();

    copyFileSync(store.pathOf(b), store.pathOf(a));
    expect(() => store.read(a)).toThrow(DamagedFileError);

    expect(() => createBlobStore(dir, randomBytes(32)).read(b)).toThrow(DamagedFileError);
    expect(store.read(b).equals(ALTRO)).toBe(true);
  });

  it('plaintext files of an earlier version are encrypted when the store opens, the plaintext removed', () => {
    const dir = storeDir();
    mkdirSync(dir, { recursive: true });
    const sha = sha256Of(CERTIFICATO);
    writeFileSync(join(dir, sha), CERTIFICATO);
    writeFileSync(join(dir, 'a'.repeat(64)), 'not the content of that hash: not ours to touch');
    const store = createBlobStore(dir, randomBytes(32));
    expect(existsSync(join(dir, sha))).toBe(false);
    expect(store.read(sha).equals(CERTIFICATO)).toBe(true);
    expect(readdirSync(dir).filter((n) => readFileSync(join(dir, n)).includes(Buffer.from('Sofia')))).toEqual([]);
    expect(existsSync(join(dir, 'a'.repeat(64)))).toBe(true);
  });
});
