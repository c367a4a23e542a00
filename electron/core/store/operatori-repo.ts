/** Desk operator accounts (migration 201): credentials, role, failed-login counter and lockout. */
import { guard, type Db } from './database';

export type Ruolo = 'operatore' | 'amministratore';

export interface OperatoreRecord {
  username: string;
  nome: string;
  ruolo: Ruolo;
  passwordHash: string;
  tentativiFalliti: number;
  bloccatoFino: string | null;
  attivo: boolean;
  creatoIl: string;
}

interface Row {
  username: string;
  nome: string;
  ruolo: Ruolo;
  password_hash: string;
  tentativi_falliti: number;
  bloccato_fino: string | null;
  attivo: number;
  creato_il: string;
}

const toRecord = (r: Row): OperatoreRecord => ({
  username: r.username,
  nome: r.nome,
  ruolo: r.ruolo,
  passwordHash: r.password_hash,
  tentativiFalliti: r.tentativi_falliti,
  bloccatoFino: r.bloccato_fino,
  attivo: r.attivo === 1,
  creatoIl: r.creato_il,
});

export function createOperatoriRepo(db: Db) {
  const s = {
    get: db.prepare('SELECT * FROM operatori WHERE username = ?'),
    all: db.prepare('SELECT * FROM operatori ORDER BY username'),
    insert: db.prepare(`INSERT INTO operatori (username, nome, ruolo, password_hash, creato_da, creato_il)
      VALUES (@username, @nome, @ruolo, @passwordHash, @creatoDa, @creatoIl) ON CONFLICT (username) DO NOTHING`),
    failed: db.prepare('UPDATE operatori SET tentativi_falliti = tentativi_falliti + 1 WHERE username = ? RETURNING tentativi_falliti').pluck(),
    lock: db.prepare('UPDATE operatori SET bloccato_fino = ?, tentativi_falliti = 0 WHERE username = ?'),
    succeeded: db.prepare('UPDATE operatori SET tentativi_falliti = 0, bloccato_fino = NULL WHERE username = ?'),
    password: db.prepare('UPDATE operatori SET password_hash = ?, tentativi_falliti = 0, bloccato_fino = NULL WHERE username = ?'),
    active: db.prepare('UPDATE operatori SET attivo = ? WHERE username = ?'),
    countAdmins: db.prepare(`SELECT count(*) FROM operatori WHERE ruolo = 'amministratore' AND attivo = 1`).pluck(),
  };

  return {
    get(username: string): OperatoreRecord | null {
      const row = s.get.get(username) as Row | undefined;
      return row ? toRecord(row) : null;
    },
    list(): OperatoreRecord[] {
      return (s.all.all() as Row[]).map(toRecord);
    },
    /** False when the username is taken. */
    create(o: { username: string; nome: string; ruolo: Ruolo; passwordHash: string; creatoDa: string | null }, now: string): boolean {
      return guard(() => s.insert.run({ ...o, creatoIl: now }).changes === 1);
    },
    /** Counts a failed login; returns the failures so far. */
    recordFailure(username: string): number {
      return guard(() => (s.failed.get(username) as number | undefined) ?? 0);
    },
    lockUntil(username: string, until: string): void {
      guard(() => s.lock.run(until, username));
    },
    recordSuccess(username: string): void {
      guard(() => s.succeeded.run(username));
    },
    setPassword(username: string, passwordHash: string): boolean {
      return guard(() => s.password.run(passwordHash, username).changes === 1);
    },
    setActive(username: string, active: boolean): boolean {
      return guard(() => s.active.run(active ? 1 : 0, username).changes === 1);
    },
    activeAdministrators(): number {
      return s.countAdmins.get() as number;
    },
  };
}

export type OperatoriRepo = ReturnType<typeof createOperatoriRepo>;
