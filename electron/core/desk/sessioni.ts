/**
 * Who is logged in at the desk, per window (the transport's client id), in memory only:
 * restarting the app logs everyone out. A session idle for longer than the timeout ends,
 * so a desk left unattended does not stay open for the next person.
 */
import type { CallContext } from '../../shared/contract/define';
import { DomainError } from '../errors';
import { elapsedClock, type Clock } from '../ports/clock';
import type { Operatore } from './operatori';

export const DEFAULT_SESSION_MINUTES = 15;

interface Sessione {
  operatore: Operatore;
  /** On the monotonic clock: setting the system clock back does not keep a session open. */
  lastSeen: number;
}

export function createSessioni(clock: Clock, timeoutMinutes = DEFAULT_SESSION_MINUTES) {
  const sessions = new Map<string, Sessione>();
  const timeoutMs = timeoutMinutes * 60_000;
  const elapsed = elapsedClock(clock);
  /** When the session ends, in wall-clock time, for the screen. */
  const endsAt = (session: Sessione) => new Date(clock.now().getTime() + (session.lastSeen + timeoutMs - elapsed())).toISOString();

  function current(context: CallContext): Sessione | null {
    const session = sessions.get(context.clientId);
    if (!session) return null;
    if (elapsed() - session.lastSeen > timeoutMs) {
      sessions.delete(context.clientId);
      return null;
    }
    return session;
  }

  return {
    open(context: CallContext, operatore: Operatore): { scadeAlle: string } {
      const session = { operatore, lastSeen: elapsed() };
      sessions.set(context.clientId, session);
      return { scadeAlle: endsAt(session) };
    },
    close(context: CallContext): void {
      sessions.delete(context.clientId);
    },
    /** The operator of this window, or null (never logged in, logged out or timed out). */
    peek(context: CallContext): { operatore: Operatore; scadeAlle: string } | null {
      const session = current(context);
      return session ? { operatore: session.operatore, scadeAlle: endsAt(session) } : null;
    },
    /** The operator of this window; each use counts as activity and postpones the timeout. */
    require(context: CallContext): Operatore {
      const session = current(context);
      if (!session) throw new DomainError('sessione-operatore-assente', 'Sessione scaduta o non avviata: accedi di nuovo con le tue credenziali.');
      session.lastSeen = elapsed();
      return session.operatore;
    },
  };
}

export type Sessioni = ReturnType<typeof createSessioni>;
