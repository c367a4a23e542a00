/**
 * The appointments booked from a pratica: the portal makes them itself when a booking service's
 * application reaches 2000 (CalendarsBackOffice::createMeetingFromPratica), and the application lists
 * their ids (`meetings`). Each is read (MeetingsAPIController::getMeetingAction) for when, where and
 * its state; one the portal no longer has is left out.
 */
import type { Appuntamento } from '../store/remote-repo';
import { PortalError } from './portal-error';
import type { PortalClient } from './portal-port';
import type { Application } from './portal-schemas';

export async function pullMeetings(portal: PortalClient, app: Application): Promise<Appuntamento[]> {
  const out: Appuntamento[] = [];
  for (const id of app.meetings ?? []) {
    try {
      const m = await portal.getMeeting(id);
      out.push({
        id: m.id,
        stato: m.status,
        dal: new Date(m.from_time).toISOString(),
        al: new Date(m.to_time).toISOString(),
        ufficio: m.calendar && 'title' in m.calendar ? (m.calendar.title ?? null) : null,
        luogo: m.calendar && 'location' in m.calendar ? (m.calendar.location ?? null) : null,
        motivazione: m.motivation_outcome ?? null,
        calendarId: m.calendar?.id ?? null,
      });
    } catch (error) {
      // Deleted on the portal ("Object not found"): not an appointment any more.
      if (!(error instanceof PortalError && error.status === 404)) throw error;
    }
  }
  return out;
}
