/**
 * Operator accounts: created only by an administrator (or, for the very first one, by the
 * command line on the desk machine), checked at login with a lockout after repeated
 * failures. Messages never say whether the username exists.
 */
import { DomainError } from '../errors';
import { elapsedClock, type Clock } from '../ports/clock';
import type { Registro } from '../audit/registro';
import type { OperatoreRecord, OperatoriRepo, Ruolo } from '../store/operatori-repo';
import { hashPassword, passwordMatches, passwordProblem } from './password';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
/**
 * Across all usernames: per-username lockouts alone let a guesser try 4 passwords on each of
 * many usernames (real or made up). Past this many failed logins in the window, this desk
 * accepts no login at all until the window has moved on; an administrator's account is no
 * exception, since the guesser may be after it.
 */
export const GLOBAL_MAX_FAILURES = 20;
export const GLOBAL_WINDOW_MINUTES = 10;

export interface Operatore {
  username: string;
  nome: string;
  ruolo: Ruolo;
}

export interface NuovoOperatore extends Operatore {
  password: string;
}

const WRONG = () => new DomainError('credenziali-errate', 'Nome utente o password errati.');

function lockedError(until: Date): DomainError {
  const time = until.toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit' });
  return new DomainError(
    'operatore-bloccato',
    `Accesso bloccato per troppi tentativi errati: riprova dopo le ${time} o chiedi a un amministratore di sbloccarlo.`,
  );
}

function tooManyError(minutes: number): DomainError {
  return new DomainError(
    'accessi-sospesi',
    `Troppi accessi non riusciti su questa postazione: riprova tra ${minutes} ${minutes === 1 ? 'minuto' : 'minuti'} o chiedi all'assistenza.`,
  );
}

const view = (o: OperatoreRecord): Operatore => ({ username: o.username, nome: o.nome, ruolo: o.ruolo });

export function createOperatori(repo: OperatoriRepo, registro: Registro, clock: Clock) {
  /** Spent on unknown usernames too, so timing does not tell which usernames exist. */
  let decoy: Promise<string> | undefined;
  /**
   * Unknown usernames are locked out like real ones (in memory: they are no accounts), so
   * "bloccato" does not tell an attacker that a username exists.
   */
  const unknownFailures = new Map<string, { count: number; lockedUntil: Date | null }>();
  /**
   * When each login not known to have succeeded started (ms), oldest first: counted before the
   * password check like the per-username failures, so a parallel burst cannot outrun the limit.
   */
  const unsuccessful: number[] = [];
  // "How long since" on the monotonic clock: setting the system clock back must not extend or lift the limit.
  const elapsed = elapsedClock(clock);
  function admitLogin(): number {
    const now = elapsed();
    const windowMs = GLOBAL_WINDOW_MINUTES * 60_000;
    while (unsuccessful.length > 0 && unsuccessful[0]! <= now - windowMs) unsuccessful.shift();
    if (unsuccessful.length >= GLOBAL_MAX_FAILURES) throw tooManyError(Math.max(1, Math.ceil((unsuccessful[0]! + windowMs - now) / 60_000)));
    unsuccessful.push(now);
    return now;
  }
  function admitted(startedAt: number): void {
    const i = unsuccessful.indexOf(startedAt);
    if (i >= 0) unsuccessful.splice(i, 1);
  }

  /** Logins of one username run one after another: a burst in parallel cannot outrun the lockout. */
  const loginQueues = new Map<string, Promise<unknown>>();

  function serialised<T>(username: string, run: () => Promise<T>): Promise<T> {
    const previous = loginQueues.get(username) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    loginQueues.set(username, settled);
    void settled.then(() => loginQueues.get(username) === settled && loginQueues.delete(username));
    return next;
  }

  async function unknownLogin(username: string, password: string): Promise<never> {
    const now = clock.now();
    const entry = unknownFailures.get(username) ?? { count: 0, lockedUntil: null };
    if (entry.lockedUntil && entry.lockedUntil > now) throw lockedError(entry.lockedUntil);
    decoy ??= hashPassword('x'.repeat(16));
    await passwordMatches(password, await decoy);
    entry.count = entry.lockedUntil ? 1 : entry.count + 1;
    entry.lockedUntil = null;
    if (entry.count >= MAX_FAILURES) entry.lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    unknownFailures.set(username, entry);
    if (entry.lockedUntil) throw lockedError(entry.lockedUntil);
    throw WRONG();
  }

  async function knownLogin(record: OperatoreRecord, password: string): Promise<Operatore> {
    const { username } = record;
    const now = clock.now();
    if (record.bloccatoFino && new Date(record.bloccatoFino) > now) throw lockedError(new Date(record.bloccatoFino));
    // Counted before the (slow) password check: a process killed meanwhile still counts the try.
    const failures = repo.recordFailure(username);
    if (await passwordMatches(password, record.passwordHash)) {
      repo.recordSuccess(username);
      registro.append('operatore.accesso', username, { username });
      return view(record);
    }
    if (failures >= MAX_FAILURES) {
      const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      repo.lockUntil(username, until.toISOString());
      registro.append('operatore.bloccato', username, { username, tentativi: failures, finoAlle: until.toISOString() });
      throw lockedError(until);
    }
    throw WRONG();
  }

  async function create(by: Operatore | null, nuovo: NuovoOperatore): Promise<Operatore> {
    if (!/^[a-z][a-z0-9._-]{2,63}$/.test(nuovo.username)) {
      throw new DomainError('username-non-valido', 'Il nome utente deve avere da 3 a 64 caratteri: minuscole, cifre, punto, trattino.');
    }
    const problem = passwordProblem(nuovo.password);
    if (problem) throw new DomainError('password-debole', problem);
    const passwordHash = await hashPassword(nuovo.password);
    const created = repo.create({ username: nuovo.username, nome: nuovo.nome, ruolo: nuovo.ruolo, passwordHash, creatoDa: by?.username ?? null }, clock.now().toISOString());
    if (!created) throw new DomainError('username-esistente', `Esiste già un operatore "${nuovo.username}".`);
    registro.append('operatore.creato', by?.username ?? null, { username: nuovo.username, ruolo: nuovo.ruolo });
    return { username: nuovo.username, nome: nuovo.nome, ruolo: nuovo.ruolo };
  }

  return {
    /** An administrator creates an account; there is no self-registration. */
    async create(by: Operatore, nuovo: NuovoOperatore): Promise<Operatore> {
      if (by.ruolo !== 'amministratore') throw new DomainError('non-autorizzato', 'Solo un amministratore può creare operatori.');
      return create(by, nuovo);
    },

    /** The first administrator of an installation, from the command line; refused once one exists. */
    async createFirstAdministrator(nuovo: Omit<NuovoOperatore, 'ruolo'>): Promise<Operatore> {
      if (repo.activeAdministrators() > 0) throw new DomainError('amministratore-esistente', 'Esiste già un amministratore: usa il suo account.');
      return create(null, { ...nuovo, ruolo: 'amministratore' });
    },

    async login(username: string, password: string): Promise<Operatore> {
      const startedAt = admitLogin();
      const operatore = await serialised(username, async () => {
        const record = repo.get(username);
        return !record || !record.attivo ? unknownLogin(username, password) : knownLogin(record, password);
      });
      admitted(startedAt);
      return operatore;
    },

    unlock(by: Operatore, username: string): void {
      if (by.ruolo !== 'amministratore') throw new DomainError('non-autorizzato', 'Solo un amministratore può sbloccare un operatore.');
      if (!repo.get(username)) throw new DomainError('operatore-sconosciuto', `Nessun operatore "${username}".`);
      repo.recordSuccess(username);
      registro.append('operatore.sbloccato', by.username, { username });
    },

    list(by: Operatore): (Operatore & { bloccato: boolean; attivo: boolean })[] {
      if (by.ruolo !== 'amministratore') throw new DomainError('non-autorizzato', 'Solo un amministratore può vedere gli operatori.');
      const now = clock.now();
      return repo.list().map((o) => ({ ...view(o), attivo: o.attivo, bloccato: o.bloccatoFino !== null && new Date(o.bloccatoFino) > now }));
    },
  };
}

export type Operatori = ReturnType<typeof createOperatori>;
