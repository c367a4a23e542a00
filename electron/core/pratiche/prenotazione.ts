/**
 * The slot a citizen chose in a booking form, until the portal's own appointment takes its place.
 * The portal books it only when it gets the pratica (CalendarsBackOffice::createMeetingFromPratica
 * at the service's trigger status, reading the form's `calendar` field), so a pratica sent from a
 * kiosk whose lists came from the offline copy, or still waiting in the outbox, has a slot that is
 * "da confermare"; once the portal has been read after getting it and lists no appointment, the slot
 * was not bookable any more (getMeetingErrors: taken meanwhile), and the citizen must choose another.
 */
import type { RemotePratica } from '../store/remote-repo';
import { istanteDiRoma } from './ora-di-roma';

/** `calendar` as bookings.json computes it: "d/m/Y @ H:i-H:i (<calendar>#<meeting>#<opening hour>)" (CalendarsBackOffice::getMeetingData). */
const CAMPO_CALENDARIO = /^\s*(\d{2})\/(\d{2})\/(\d{4})\s*@\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*\(\s*([^#)\s]+)\s*#[^)]*\)/;

export interface OrarioChiesto {
  /** Instants (ISO, UTC) of Rome's wall clock the form wrote. */
  dal: string;
  al: string;
  calendarId: string;
}

export type StatoPrenotazione = 'da-confermare' | 'non-disponibile';

export interface Prenotazione extends OrarioChiesto {
  stato: StatoPrenotazione;
}

/** The slot the booking form wrote in the pratica's data, or null for a pratica without one. */
export function orarioChiesto(data: Record<string, unknown>): OrarioChiesto | null {
  const campo = data['calendar'];
  const m = typeof campo === 'string' ? CAMPO_CALENDARIO.exec(campo) : null;
  if (!m) return null;
  const [, d, mo, y, inizio, fine, calendarId] = m;
  const giorno = `${y}-${mo}-${d}`;
  try {
    return { dal: istanteDiRoma(giorno, inizio!), al: istanteDiRoma(giorno, fine!), calendarId: calendarId! };
  } catch {
    return null;
  }
}

/**
 * The chosen slot while the portal has not answered with its appointment: null for a draft, a
 * pratica without a booking, or one whose appointment the portal lists (shown as the portal says).
 * A remote row with no history yet is the create's answer only: the status pull has not read the
 * application's meetings, so the slot is still to be confirmed.
 */
export function prenotazione(pratica: { submittedAt: string | null; data: Record<string, unknown> }, remote: RemotePratica | undefined): Prenotazione | null {
  if (pratica.submittedAt === null) return null;
  const orario = orarioChiesto(pratica.data);
  if (!orario) return null;
  if (!remote || remote.history.length === 0) return { ...orario, stato: 'da-confermare' };
  return remote.appuntamenti.length > 0 ? null : { ...orario, stato: 'non-disponibile' };
}
