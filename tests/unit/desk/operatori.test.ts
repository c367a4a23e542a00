import { describe, expect, it } from 'vitest';
import { createRegistro } from '../../../electron/core/audit/registro';
import { createOperatori, GLOBAL_MAX_FAILURES, GLOBAL_WINDOW_MINUTES, LOCK_MINUTES, MAX_FAILURES } from '../../../electron/core/desk/operatori';
import { createSessioni } from '../../../electron/core/desk/sessioni';
import { createAuditRepo } from '../../../electron/core/store/audit-repo';
import { openDatabase } from '../../../electron/core/store/database';
import { createOperatoriRepo } from '../../../electron/core/store/operatori-repo';
import { manualClock } from './clock';
import { testSigillo } from '../../support/keystore';

function setup() {
  const db = openDatabase(':memory:');
  const clock = manualClock();
  const registro = createRegistro(createAuditRepo(db), clock, testSigillo());
  const operatori = createOperatori(createOperatoriRepo(db), registro, clock);
  return { db, clock, registro, operatori };
}

const ADMIN = { username: 'admin', nome: 'Anna Amministratrice', password: 'amministra-2026' };

describe('operator accounts', () => {
  it('creates the first administrator once, then only administrators create accounts', async () => {
    const { operatori, registro } = setup();
    const admin = await operatori.createFirstAdministrator(ADMIN);
    expect(admin.ruolo).toBe('amministratore');
    await expect(operatori.createFirstAdministrator({ ...ADMIN, username: 'altro' })).rejects.toMatchObject({ code: 'amministratore-esistente' });
    const op = await operatori.create(admin, { username: 'mario.rossi', nome: 'Mario Rossi', ruolo: 'operatore', password: 'sportello-2026' });
    await expect(operatori.create(op, { username: 'intruso', nome: 'X', ruolo: 'amministratore', password: 'sportello-2026' })).rejects.toMatchObject({
      code: 'non-autorizzato',
    });
    await expect(operatori.create(admin, { username: 'mario.rossi', nome: 'Mario', ruolo: 'operatore', password: 'sportello-2026' })).rejects.toMatchObject({
      code: 'username-esistente',
    });
    await expect(operatori.create(admin, { username: 'debole', nome: 'D', ruolo: 'operatore', password: 'corta' })).rejects.toMatchObject({ code: 'password-debole' });
    expect(operatori.list(admin).map((o) => o.username)).toEqual(['admin', 'mario.rossi']);
    expect(registro.verify()).toMatchObject({ ok: true, entries: 2 });
  });

  it('logs in with the right password and refuses a wrong one or an unknown user with the same message', async () => {
    const { operatori } = setup();
    await operatori.createFirstAdministrator(ADMIN);
    await expect(operatori.login('admin', ADMIN.password)).resolves.toMatchObject({ username: 'admin', ruolo: 'amministratore' });
    const wrong = await operatori.login('admin', 'sbagliata-0000').catch((e: unknown) => e);
    const unknown = await operatori.login('nessuno', 'sbagliata-0000').catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'credenziali-errate' });
    expect(unknown).toMatchObject({ code: 'credenziali-errate', message: (wrong as Error).message });
  });

  it(`locks the account after ${MAX_FAILURES} failures, even for the right password, until ${LOCK_MINUTES} minutes pass or an admin unlocks`, async () => {
    const { operatori, clock, registro } = setup();
    const admin = await operatori.createFirstAdministrator(ADMIN);
    await operatori.create(admin, { username: 'mario.rossi', nome: 'Mario Rossi', ruolo: 'operatore', password: 'sportello-2026' });
    for (let i = 1; i < MAX_FAILURES; i++) await expect(operatori.login('mario.rossi', `errata-${i}xxxxxx`)).rejects.toMatchObject({ code: 'credenziali-errate' });
    await expect(operatori.login('mario.rossi', 'errata-ultima')).rejects.toMatchObject({ code: 'operatore-bloccato' });
    await expect(operatori.login('mario.rossi', 'sportello-2026')).rejects.toMatchObject({ code: 'operatore-bloccato' });
    expect(operatori.list(admin).find((o) => o.username === 'mario.rossi')?.bloccato).toBe(true);

    clock.advanceMinutes(LOCK_MINUTES + 1);
    await expect(operatori.login('mario.rossi', 'sportello-2026')).resolves.toMatchObject({ username: 'mario.rossi' });

    for (let i = 0; i < MAX_FAILURES; i++) await operatori.login('mario.rossi', 'errata-di-nuovo').catch(() => undefined);
    await expect(operatori.login('mario.rossi', 'sportello-2026')).rejects.toMatchObject({ code: 'operatore-bloccato' });
    operatori.unlock(admin, 'mario.rossi');
    await expect(operatori.login('mario.rossi', 'sportello-2026')).resolves.toMatchObject({ username: 'mario.rossi' });
    expect(registro.verify().ok).toBe(true);
    const kinds = [...registro.entries()].map((e) => e.kind);
    expect(kinds.filter((k) => k === 'operatore.bloccato')).toHaveLength(2);
    expect(kinds).toContain('operatore.sbloccato');
  });
});

describe('operator lockout under attack', () => {
  it('40 wrong passwords in parallel, then the right one: locked once, the desk closed to logins past the global limit, the right one refused', async () => {
    const { operatori, registro } = setup();
    const admin = await operatori.createFirstAdministrator(ADMIN);
    await operatori.create(admin, { username: 'mario.rossi', nome: 'Mario Rossi', ruolo: 'operatore', password: 'sportello-2026' });
    const burst = Array.from({ length: 40 }, (_, i) => operatori.login('mario.rossi', `errata-${i}-xxxxxx`).catch((e: { code: string }) => e.code));
    const right = operatori.login('mario.rossi', 'sportello-2026').then(
      () => 'entrato',
      (e: { code: string }) => e.code,
    );
    const codes = await Promise.all(burst);
    expect(codes.filter((c) => c === 'credenziali-errate')).toHaveLength(MAX_FAILURES - 1);
    expect(codes.filter((c) => c === 'operatore-bloccato')).toHaveLength(GLOBAL_MAX_FAILURES - (MAX_FAILURES - 1));
    expect(codes.filter((c) => c === 'accessi-sospesi')).toHaveLength(40 - GLOBAL_MAX_FAILURES);
    expect(await right).toBe('accessi-sospesi');
    const kinds = [...registro.entries()].map((e) => e.kind);
    expect(kinds.filter((k) => k === 'operatore.bloccato')).toHaveLength(1);
    expect(kinds).not.toContain('operatore.accesso');
  });

  it(`past ${GLOBAL_MAX_FAILURES} failures on any usernames in ${GLOBAL_WINDOW_MINUTES} minutes no login is accepted, until the window moves on, whatever the wall clock says`, async () => {
    const { operatori, clock } = setup();
    await operatori.createFirstAdministrator(ADMIN);
    // A guesser spreads 4 tries over each of 5 usernames: no account reaches its own lockout.
    for (let u = 0; u < GLOBAL_MAX_FAILURES / (MAX_FAILURES - 1); u++) {
      for (let i = 0; i < MAX_FAILURES - 1; i++) await expect(operatori.login(`utente${u}`, `errata-${i}-xxxxxx`)).rejects.toMatchObject({ code: 'credenziali-errate' });
    }
    const closed = await operatori.login('admin', ADMIN.password).catch((e: unknown) => e);
    expect(closed).toMatchObject({ code: 'accessi-sospesi', message: expect.stringContaining(`${GLOBAL_WINDOW_MINUTES} minuti`) });
    clock.setWallClockMinutes(GLOBAL_WINDOW_MINUTES + 1);
    await expect(operatori.login('admin', ADMIN.password)).rejects.toMatchObject({ code: 'accessi-sospesi' });
    clock.setWallClockMinutes(-(GLOBAL_WINDOW_MINUTES + 1));
    clock.advanceMinutes(GLOBAL_WINDOW_MINUTES);
    await expect(operatori.login('admin', ADMIN.password)).resolves.toMatchObject({ username: 'admin' });
    // A successful login is not counted against the limit.
    for (let i = 0; i < GLOBAL_MAX_FAILURES - 1; i++) await operatori.login('admin', ADMIN.password);
    await expect(operatori.login('admin', ADMIN.password)).resolves.toMatchObject({ username: 'admin' });
  });

  it('an unknown username is answered exactly like a locked one: the answer does not tell that a username exists', async () => {
    const { operatori } = setup();
    const admin = await operatori.createFirstAdministrator(ADMIN);
    await operatori.create(admin, { username: 'mario.rossi', nome: 'Mario Rossi', ruolo: 'operatore', password: 'sportello-2026' });
    const answers = async (username: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < MAX_FAILURES + 2; i++) {
        seen.push(await operatori.login(username, 'errata-sempre-0').then(() => 'entrato', (e: { code: string; message: string }) => ({ code: e.code, message: e.message })));
      }
      return seen;
    };
    expect(await answers('nessuno.qui')).toEqual(await answers('mario.rossi'));
  });
});

describe('desk sessions', () => {
  it('expire after the idle timeout even when the system clock is set back meanwhile', () => {
    const clock = manualClock();
    const sessioni = createSessioni(clock, 15);
    const ctx = { transport: 'test' as const, clientId: 'finestra-1' };
    sessioni.open(ctx, { username: 'mario.rossi', nome: 'Mario', ruolo: 'operatore' });
    clock.setWallClockMinutes(-24 * 60);
    clock.advanceMinutes(16);
    expect(sessioni.peek(ctx)).toBeNull();
  });

  it('expire after the idle timeout, are kept alive by use, and end at logout', () => {
    const clock = manualClock();
    const sessioni = createSessioni(clock, 15);
    const ctx = { transport: 'test' as const, clientId: 'finestra-1' };
    const other = { transport: 'test' as const, clientId: 'finestra-2' };
    sessioni.open(ctx, { username: 'mario.rossi', nome: 'Mario', ruolo: 'operatore' });
    expect(sessioni.peek(other)).toBeNull();
    clock.advanceMinutes(14);
    expect(sessioni.require(ctx).username).toBe('mario.rossi');
    clock.advanceMinutes(14);
    expect(sessioni.peek(ctx)).not.toBeNull();
    clock.advanceMinutes(16);
    expect(() => sessioni.require(ctx)).toThrow(/Sessione scaduta/);
    sessioni.open(ctx, { username: 'mario.rossi', nome: 'Mario', ruolo: 'operatore' });
    sessioni.close(ctx);
    expect(sessioni.peek(ctx)).toBeNull();
  });
});
