/**
 * Stored files (attachments, signed modules, outcomes from the portal), encrypted at rest:
 * AES-256-GCM with the data directory's `file` key, a fresh 96-bit nonce per file, and the
 * file's name an HMAC of its SHA-256, so that a copied disk shows neither the bytes nor which
 * known document is there. Contents are stored once per SHA-256 (the rest of the app speaks
 * of files by their hash). Written to a temporary file, flushed, then renamed: a crash leaves
 * either the whole file or nothing under the final name. Reading checks both the GCM tag and
 * the SHA-256, so a file changed on disk is refused, never handed on; the name is bound to
 * the content (GCM associated data), so a file renamed to stand for another is refused too.
 *
 * A directory of an earlier version holds plaintext files named by their SHA-256: the first
 * open encrypts each of them and removes the plaintext.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, type DecipherGCM } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { ensureDirectory, storeErrorOf } from './database';
import { fileStartsWith } from './file-head';

const MAGIC = Buffer.from('SPB1', 'latin1');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + NONCE_BYTES;
const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class DamagedFileError extends Error {
  constructor(readonly sha256: string) {
    super(`il file ${sha256.slice(0, 12)}… è alterato o non si apre con la chiave di questo computer`);
  }
}

export interface BlobStore {
  /** Stores the bytes (if not there yet) and returns their SHA-256. */
  put(bytes: Uint8Array): string;
  /** The bytes, checked; DamagedFileError when the file was changed or the key is another. */
  read(sha256: string): Buffer;
  /** The bytes as a stream, for uploads (the GCM tag is checked at the end: a changed file fails the stream). */
  stream(sha256: string): Readable;
  has(sha256: string): boolean;
  remove(sha256: string): void;
  /** Where the file of that content lies (tests, diagnostics). */
  pathOf(sha256: string): string;
  /**
   * Removes every stored file whose content is not in `keep`, and the temporary files a crash
   * left; returns how many went. Files that are not of this store's shape are left alone.
   */
  sweep(keep: ReadonlySet<string>): number;
}

/** A stored file's name (an HMAC, 64 hex digits), or the temporary one it is written under first. */
const STORED_NAME = /^[0-9a-f]{64}$/;
const TEMPORARY_NAME = /^[0-9a-f]{64}\.\d+\.tmp$/;

export function createBlobStore(dir: string, key: Buffer): BlobStore {
  if (key.length !== 32) throw new Error(`chiave dei file non valida (${key.length} byte)`);
  const pathOf = (sha256: string): string => {
    if (!SHA256.test(sha256)) throw new Error('sha256 non valido');
    return join(dir, createHmac('sha256', key).update(sha256).digest('hex'));
  };
  const decipherFor = (sha256: string, path: string) => {
    const opened = decipherOf(path, key);
    if (!opened) throw new DamagedFileError(sha256);
    return opened;
  };
  const store: BlobStore = {
    put(bytes) {
      const sha256 = sha256Of(bytes);
      write(pathOf(sha256), bytes);
      return sha256;
    },
    read(sha256) {
      const path = pathOf(sha256);
      const plain = existsSync(path) ? decryptStoredFile(path, key) : null;
      if (plain === null || sha256Of(plain) !== sha256) throw new DamagedFileError(sha256);
      return plain;
    },
    stream(sha256) {
      const path = pathOf(sha256);
      const { decipher, end } = decipherFor(sha256, path);
      return Readable.from(chunksOf(path, HEADER_BYTES, end)).pipe(decipher);
    },
    has: (sha256) => existsSync(pathOf(sha256)),
    remove: (sha256) => rmSync(pathOf(sha256), { force: true }),
    pathOf,
    sweep(keep) {
      if (!existsSync(dir)) return 0;
      const kept = new Set([...keep].filter((sha256) => SHA256.test(sha256)).map((sha256) => basename(pathOf(sha256))));
      let removed = 0;
      for (const name of readdirSync(dir)) {
        if (!(TEMPORARY_NAME.test(name) || (STORED_NAME.test(name) && !kept.has(name)))) continue;
        rmSync(join(dir, name), { force: true });
        removed++;
      }
      return removed;
    },
  };

  function write(target: string, bytes: Uint8Array): void {
    if (existsSync(target)) return;
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      ensureDirectory(dir);
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(basename(target), 'latin1'));
      const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeSync(fd, Buffer.concat([MAGIC, nonce, body, cipher.getAuthTag()]));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw storeErrorOf(error) ?? error;
    }
  }

  encryptLegacyFiles(dir, (sha256, bytes) => write(pathOf(sha256), bytes));
  return store;
}

/**
 * A GCM decipher for a stored file, its tag already set, or null when the file is not one
 * of ours. The file's name is bound in as associated data: a valid file renamed to stand
 * for another content fails.
 */
function decipherOf(path: string, key: Buffer): { decipher: DecipherGCM; end: number } | null {
  const size = statSync(path).size;
  if (size < HEADER_BYTES + TAG_BYTES) return null;
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(HEADER_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    readSync(fd, head, 0, HEADER_BYTES, 0);
    readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    closeSync(fd);
  }
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(MAGIC.length));
  decipher.setAAD(Buffer.from(basename(path), 'latin1'));
  decipher.setAuthTag(tag);
  return { decipher, end: size - TAG_BYTES };
}

/** The plaintext of one stored file, or null when it was changed or the key is another (support tools, tests). */
export function decryptStoredFile(path: string, key: Buffer): Buffer | null {
  const opened = decipherOf(path, key);
  if (!opened) return null;
  try {
    return Buffer.concat([opened.decipher.update(readFileSync(path).subarray(HEADER_BYTES, opened.end)), opened.decipher.final()]);
  } catch {
    return null;
  }
}

/** The file's bytes from `start` to `end` (exclusive), 64 KiB at a time. */
function* chunksOf(path: string, start: number, end: number): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (let at = start; at < end; ) {
      const chunk = Buffer.alloc(Math.min(65_536, end - at));
      const n = readSync(fd, chunk, 0, chunk.length, at);
      if (n === 0) return;
      at += n;
      yield chunk.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Plaintext files of an earlier version: named by their SHA-256, which their bytes still match. */
function encryptLegacyFiles(dir: string, store: (sha256: string, bytes: Buffer) => void): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!SHA256.test(name)) continue;
    const path = join(dir, name);
    if (fileStartsWith(path, MAGIC)) continue; // an encrypted file (its name is an HMAC, 64 hex digits too)
    const bytes = readFileSync(path);
    if (sha256Of(bytes) !== name) continue;
    store(name, bytes);
    rmSync(path);
  }
}

/** The data directory's stored files: attachments and signed modules, and outcomes downloaded from the portal. */
export interface FileStores {
  allegati: BlobStore;
  esiti: BlobStore;
}

export function fileStoresOf(dataDir: string, key: Buffer): FileStores {
  return { allegati: createBlobStore(join(dataDir, 'allegati'), key), esiti: createBlobStore(join(dataDir, 'esiti'), key) };
}
