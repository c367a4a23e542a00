/**
 * What a PIN release needs besides the card, shared by the desk's integration test and its
 * end-to-end test: the reference portal with the issuing module delivering by email to an
 * SMTP capture on 127.0.0.1, the card registered with the issuer, and the desk's operators
 * created in the app's data directory the way the desk CLI does it.
 */
import { registroDi } from '../../electron/core/audit/registro';
import { createOperatori } from '../../electron/core/desk/operatori';
import { systemClock } from '../../electron/core/ports/clock';
import { openDatabase } from '../../electron/core/store/database';
import { createOperatoriRepo } from '../../electron/core/store/operatori-repo';
import { createIssuing, startSmtpCapture, type CartaNota, type SmtpCapture } from '../portal/issuing';
import { startPortal, type Portal } from '../portal/server';

export const DESK_OPERATORE = { username: 'mario.bianchi', nome: 'Mario Bianchi', password: 'sportello-2026' } as const;
/** The portal account the desk signs in with (one of the reference portal's demo accounts). */
export const DESK_PORTAL_ACCOUNT = { username: 'operatore', password: 'operatore-demo' } as const;

export interface IssuingPortal {
  portal: Portal;
  smtp: SmtpCapture;
  close(): Promise<void>;
}

export async function startIssuingPortal(carta: CartaNota): Promise<IssuingPortal> {
  const smtp = await startSmtpCapture();
  try {
    const issuing = createIssuing({ smtp });
    const portal = await startPortal({ extraModules: [issuing.module] });
    issuing.register(carta);
    return {
      portal,
      smtp,
      async close() {
        await portal.close();
        await smtp.close();
      },
    };
  } catch (error) {
    await smtp.close();
    throw error;
  }
}

/** An administrator and the operator DESK_OPERATORE, before the desk opens. */
export async function createDeskOperatori(dataDir: string): Promise<void> {
  const db = openDatabase({ dataDir });
  try {
    const operatori = createOperatori(createOperatoriRepo(db), registroDi(db, dataDir, systemClock), systemClock);
    const admin = await operatori.createFirstAdministrator({ username: 'admin', nome: 'Anna Admin', password: 'amministra-2026' });
    await operatori.create(admin, { username: DESK_OPERATORE.username, nome: DESK_OPERATORE.nome, ruolo: 'operatore', password: DESK_OPERATORE.password });
  } finally {
    db.close();
  }
}
