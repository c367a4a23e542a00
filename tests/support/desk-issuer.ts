/**
 * What a PIN release needs besides the card, shared by the desk's integration test and its
 * end-to-end test: the reference portal (for the desk's pratiche) and, apart from it, the
 * reference issuing system delivering by email to an SMTP capture on 127.0.0.1 with the card
 * registered, and the desk's operators created in the app's data directory the way the desk
 * CLI does it. The desk signs in to both with the same username and password in this rig, so
 * one pair of credential variables serves `portal` and `issuer`; each system keeps its own accounts.
 */
import { registroDi } from '../../electron/core/audit/registro';
import { createOperatori } from '../../electron/core/desk/operatori';
import { systemClock } from '../../electron/core/ports/clock';
import { openDatabase } from '../../electron/core/store/database';
import { locationOf } from './database-location';
import { createOperatoriRepo } from '../../electron/core/store/operatori-repo';
import { startIssuer, startSmtpCapture, type CartaNota, type IssuerServer, type SmtpCapture } from '../portal/issuing';
import { startPortal, type Portal } from '../portal/server';

export const DESK_OPERATORE = { username: 'mario.bianchi', nome: 'Mario Bianchi', password: 'sportello-2026' } as const;
/** The account the desk signs in with: one of the reference portal's demo accounts, and the issuer's account in this rig. */
export const DESK_PORTAL_ACCOUNT = { username: 'operatore', password: 'operatore-demo' } as const;

export interface IssuingPortal {
  portal: Portal;
  /** The issuing system, its own server: its `url` is the installation's `issuer.url`. */
  issuer: IssuerServer;
  smtp: SmtpCapture;
  close(): Promise<void>;
}

export async function startIssuingPortal(carta: CartaNota): Promise<IssuingPortal> {
  const smtp = await startSmtpCapture();
  const opened: { close(): Promise<void> }[] = [smtp];
  try {
    const issuer = await startIssuer({ smtp, accounts: [DESK_PORTAL_ACCOUNT] });
    opened.unshift(issuer);
    issuer.register(carta);
    const portal = await startPortal();
    opened.unshift(portal);
    return {
      portal,
      issuer,
      smtp,
      async close() {
        for (const o of opened) await o.close();
      },
    };
  } catch (error) {
    for (const o of opened) await o.close();
    throw error;
  }
}

/** An administrator and the operator DESK_OPERATORE, before the desk opens. */
export async function createDeskOperatori(dataDir: string): Promise<void> {
  const db = openDatabase(locationOf(dataDir));
  try {
    const operatori = createOperatori(createOperatoriRepo(db), registroDi(db, dataDir, systemClock), systemClock);
    const admin = await operatori.createFirstAdministrator({ username: 'admin', nome: 'Anna Admin', password: 'amministra-2026' });
    await operatori.create(admin, { username: DESK_OPERATORE.username, nome: DESK_OPERATORE.nome, ruolo: 'operatore', password: DESK_OPERATORE.password });
  } finally {
    db.close();
  }
}
