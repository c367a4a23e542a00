/**
 * Accounts of the portal. The real one has no "API user": an application is created on a
 * citizen's behalf by an operator (ROLE_OPERATORE) or an admin (ApplicationsAPIController::
 * postApplicationAction), and an operator reads back only the applications of the services it is
 * enabled on, or assigned to it (ApplicationVoter, getServicesByOperatore). Citizens are found or
 * created by fiscal code (PraticaManager::checkUser).
 */
import { randomUUID, scryptSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PortalDb } from './portal-db';
import type { Caller } from './router';

export interface AccountSpec {
  username: string;
  password: string;
  role: 'operator' | 'admin';
  /** An operator's enabled services, by slug; every service of the catalogue when absent. */
  services?: string[];
}

function hash(password: string, salt = randomBytes(16)): string {
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
}

function matches(password: string, stored: string): boolean {
  const [salt, key] = stored.split(':') as [string, string];
  const given = scryptSync(password, Buffer.from(salt, 'hex'), 32);
  return timingSafeEqual(given, Buffer.from(key, 'hex'));
}

export function seedAccounts(db: PortalDb, accounts: AccountSpec[], serviceIdOf: (slug: string) => string | undefined, allServices: string[], now: Date): void {
  const insert = db.prepare(
    `INSERT INTO users (id, username, password_hash, role, services, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, services = excluded.services`,
  );
  for (const a of accounts) {
    const services = a.services ? a.services.map((s) => serviceIdOf(s) ?? s) : allServices;
    insert.run(randomUUID(), a.username, hash(a.password, randomBytes(16)), a.role, JSON.stringify(services), now.toISOString());
  }
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string | null;
  role: Caller['role'];
  services: string;
}

const toCaller = (r: UserRow): Caller => ({ id: r.id, username: r.username, role: r.role, services: JSON.parse(r.services) as string[] });

export function authenticate(db: PortalDb, username: string, password: string): Caller | null {
  const row = db.prepare('SELECT id, username, password_hash, role, services FROM users WHERE username = ?').get(username) as UserRow | undefined;
  if (!row || !row.password_hash || !matches(password, row.password_hash)) return null;
  return toCaller(row);
}

/** The account a token names: an operator, an admin, or (tokens of `/__admin/citizen-token` only) a citizen. */
export function callerById(db: PortalDb, id: string): Caller | null {
  const row = db.prepare('SELECT id, coalesce(username, fiscal_code, id) AS username, password_hash, role, services FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row ? toCaller(row) : null;
}

/** A citizen known to the portal, by fiscal code (case-insensitive, as checkUser finds them). */
export function citizenByFiscalCode(db: PortalDb, fiscalCode: string): { id: string } | undefined {
  return db.prepare("SELECT id FROM users WHERE role = 'citizen' AND upper(fiscal_code) = upper(?)").get(fiscalCode) as { id: string } | undefined;
}

/** The citizen an application is made for: found by fiscal code (case-insensitive), created on first sight (PraticaManager::checkUser). */
export function citizenFor(db: PortalDb, person: { fiscalCode: string | null; name?: string; surname?: string; email?: string }, now: Date): { id: string } {
  if (person.fiscalCode) {
    const found = citizenByFiscalCode(db, person.fiscalCode);
    if (found) return found;
  }
  const id = randomUUID();
  db.prepare(`INSERT INTO users (id, role, fiscal_code, name, surname, email, created_at) VALUES (?, 'citizen', ?, ?, ?, ?, ?)`).run(
    id,
    person.fiscalCode,
    person.name ?? '',
    person.surname ?? '',
    // User::FAKE_EMAIL_DOMAIN.
    person.email ?? `${id}@cps.didnt.have.my.email.tld`,
    now.toISOString(),
  );
  return { id };
}

/**
 * CPSUserProvider::provideUser, for a login: the citizen with this fiscal code (case-insensitive),
 * created when new (with ROLE_CPS_USER); a known one gets the login's name and surname
 * (updateRequiredFields), which a citizen's applications are then checked against.
 */
export function provideCitizen(db: PortalDb, person: { fiscalCode: string; name: string | null; surname: string | null }, now: Date): Caller {
  const known = citizenByFiscalCode(db, person.fiscalCode);
  const { id } = known ?? citizenFor(db, { fiscalCode: person.fiscalCode, name: person.name ?? undefined, surname: person.surname ?? undefined }, now);
  if (known) db.prepare('UPDATE users SET name = coalesce(?, name), surname = coalesce(?, surname) WHERE id = ?').run(person.name, person.surname, id);
  return callerById(db, id)!;
}
