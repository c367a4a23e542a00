/**
 * The first administrator of a desk installation, created on the desk machine itself:
 * `tsx electron/cli/desk.ts crea-amministratore --data <cartella dati> --username <u> --nome "<Nome Cognome>"`
 * with the password read from standard input (one line), so it never appears in the shell
 * history or the process list. Every later account is created by an administrator in the app.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { isUserFacing } from '../core/errors';
import { systemClock } from '../core/ports/clock';
import { registroDi } from '../core/audit/registro';
import { openDatabase } from '../core/store/database';
import { databaseLocation } from '../core/keystore/directory-key';
import { fileKeystore } from '../core/keystore/file-keystore';
import { createOperatoriRepo } from '../core/store/operatori-repo';
import { createOperatori } from '../core/desk/operatori';
import { runCli } from './run';

const USAGE = 'uso: tsx electron/cli/desk.ts crea-amministratore --data <cartella dati> --username <nome utente> --nome "<Nome Cognome>" (password da standard input)';

async function readLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string' }, username: { type: 'string' }, nome: { type: 'string' } },
  });
  if (positionals[0] !== 'crea-amministratore' || !values.data || !values.username || !values.nome) {
    console.error(USAGE);
    return 2;
  }
  const password = await readLine();
  const db = openDatabase(databaseLocation(values.data, fileKeystore()));
  try {
    const operatori = createOperatori(createOperatoriRepo(db), registroDi(db, values.data, systemClock), systemClock);
    const admin = await operatori.createFirstAdministrator({ username: values.username, nome: values.nome, password });
    console.log(`Amministratore ${admin.username} creato.`);
    return 0;
  } catch (error) {
    if (!isUserFacing(error)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    db.close();
  }
}

runCli(main);
