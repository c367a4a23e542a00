import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/store/migrations';
import type { Migration } from '../../../electron/core/store/migrations';
import { appliedMigrations, checkMigrationList, runMigrations } from '../../../electron/core/store/migrations/runner';

const m = (id: number, name: string, sql = `CREATE TABLE t${id} (x INTEGER) STRICT`): Migration => ({ id, name, up: (db) => db.exec(sql) });

describe('migration runner', () => {
  it('applies the registered list once, in order', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db, migrations)).toEqual(migrations.map((x) => x.id));
    expect(runMigrations(db, migrations)).toEqual([]);
    expect(appliedMigrations(db)).toEqual(migrations.map((x) => x.id));
  });

  it('picks up a migration added later to the list', () => {
    const db = new Database(':memory:');
    runMigrations(db, migrations);
    const next = migrations.at(-1)!.id + 1;
    expect(runMigrations(db, [...migrations, m(next, `${String(next).padStart(3, '0')}-later`)])).toEqual([next]);
  });

  it('rolls back a failing migration and records nothing for it', () => {
    const db = new Database(':memory:');
    const bad = m(2, '002-bad', 'CREATE TABLE ok2 (x INTEGER) STRICT; CREATE TABLE broken (');
    expect(() => runMigrations(db, [m(1, '001-a'), bad])).toThrow();
    expect(appliedMigrations(db)).toEqual([1]);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'ok2'`).get()).toBeUndefined();
  });

  it('refuses badly named, duplicate or unordered lists, and a newer database', () => {
    expect(() => checkMigrationList([m(1, '1-a')])).toThrow(/NNN/);
    expect(() => checkMigrationList([m(2, '002-a'), m(1, '001-b')])).toThrow(/crescenti/);
    expect(() => checkMigrationList([m(1, '001-a'), m(1, '001-b')])).toThrow(/crescenti/);
    const db = new Database(':memory:');
    runMigrations(db, [m(1, '001-a'), m(2, '002-b')]);
    expect(() => runMigrations(db, [m(1, '001-a')])).toThrow(/più recente/);
  });
});
