import type Database from 'better-sqlite3-multiple-ciphers';

/** One schema change. `name` is the file name without extension (`NNN-name`); `id` is its NNN. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  up(db: Database.Database): void;
}
