/**
 * Accounts of the portal: the kiosk's API account (creates applications on behalf of
 * citizens), a back-office operator, and citizens found or created by fiscal code.
 */
import { randomUUID, scryptSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PortalDb } from './portal-db';
import type { Caller } from './router';

export interface AccountSpec {
  username: string;
  password: string;
  role: 'api' | 'operator';
}

function hash(password: string, salt = randomBytes(16)): string {
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
}

function matches(password: string, stored: string): boolean {
  const [salt, key] = stored.split(':') as [string, string];
  const given = scryptSync(password, Buffer.from(salt, 'hex'), 32);
  return timingSafeEqual(given, Buffer.from(key, 'hex'));
}

export function seedAccounts(db: PortalDb, accounts: AccountSpec[], now: Date): void {
  const insert = db.prepare(
    `INSERT INTO users (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role`,
  );
  for (const a of accounts) insert.run(randomUUID(), a.username, hash(a.password), a.role, now.toISOString());
}

export function authenticate(db: PortalDb, username: string, password: string): Caller | null {
  const row = db.prepare('SELECT id, username, password_hash, role FROM users WHERE username = ?').get(username) as
    | { id: string; username: string; password_hash: string; role: Caller['role'] }
    | undefined;
  if (!row || !row.password_hash || !matches(password, row.password_hash)) return null;
  return { id: row.id, username: row.username, role: row.role };
}

export function callerById(db: PortalDb, id: string): Caller | null {
  const row = db.prepare('SELECT id, username, role FROM users WHERE id = ?').get(id) as Caller | undefined;
  return row ?? null;
}

/** The citizen an application is made for: found by fiscal code, created on first sight. */
export function citizenFor(
  db: PortalDb,
  person: { fiscalCode: string; name?: string; surname?: string; email?: string },
  now: Date,
): { id: string; name: string } {
  const found = db.prepare('SELECT id, name, surname FROM users WHERE fiscal_code = ?').get(person.fiscalCode) as
    | { id: string; name: string | null; surname: string | null }
    | undefined;
  if (found) return { id: found.id, name: [found.name, found.surname].filter(Boolean).join(' ') };
  const id = randomUUID();
  db.prepare(
    `INSERT INTO users (id, role, fiscal_code, name, surname, email, created_at) VALUES (?, 'citizen', ?, ?, ?, ?, ?)`,
  ).run(id, person.fiscalCode, person.name ?? null, person.surname ?? null, person.email ?? null, now.toISOString());
  return { id, name: [person.name, person.surname].filter(Boolean).join(' ') };
}
