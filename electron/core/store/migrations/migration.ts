import type Database from 'better-sqlite3-multiple-ciphers';

/** One schema change. `name` is the file name without extension (`NNN-name`); `id` is its NNN. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  up(db: Database.Database): void;
  /**
   * The migration rebuilds a table (SQLite's way to change a column's constraint): the runner turns
   * foreign keys off around it, so that dropping the old table cascades into nothing, and checks every
   * reference before committing.
   */
  readonly rebuildsTables?: true;
}
