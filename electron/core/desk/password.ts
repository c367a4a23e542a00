/**
 * Operator passwords, hashed with scrypt (memory-hard, in node:crypto, no network needed).
 * N = 2^15, r = 8, p = 1 costs 32 MiB and ~100 ms per check: cheap for a login, expensive
 * for someone who copied the database and tries guesses. The parameters travel in the
 * stored string, so they can be raised later without invalidating existing accounts.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // maxmem above 128 * N * r, which Node's 32 MiB default does not leave room for.
  const maxmem = 256 * (options.N ?? PARAMS.N) * (options.r ?? PARAMS.r);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$<salt base64>$<key base64>` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = await derive(password, Buffer.from(parts[4]!, 'base64'), { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A password an administrator may set: long enough to resist guessing at the lockout's pace. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'La password deve avere almeno 12 caratteri.';
  if (password.length > 200) return 'La password può avere al massimo 200 caratteri.';
  if (!/[A-Za-z]/.test(password) || !/[^A-Za-z]/.test(password)) return 'La password deve contenere lettere e almeno una cifra o un simbolo.';
  return null;
}
