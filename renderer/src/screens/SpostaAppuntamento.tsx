import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PraticaView } from '../../../electron/shared/contract/pratiche';
import { useApp } from '../platform/app-context';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction, useLoad } from '../platform/use-load';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDay, formatWeekday } from '../components/dates';
import { settimaneDi } from '../components/settimane';

/** A free slot as the portal's calendar lists it (CalendarsAPIController, `availabilities/<day>`). */
interface Orario {
  date: string;
  start_time: string;
  end_time: string;
  opening_hour: string;
}

const asList = (data: unknown): Record<string, unknown>[] => (Array.isArray(data) ? data.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : []);

/**
 * Another slot for an appointment: the days of its calendar with a free place, then that day's free
 * times, read from the portal as the booking form reads them (`moduli.helper`); the move is sent
 * through the outbox, and refused there if someone took the slot meanwhile.
 */
export function SpostaAppuntamento({ praticaId, appuntamentoId, calendarId, onMoved, onClose }: { praticaId: string; appuntamentoId: string; calendarId: string; onMoved(p: PraticaView): void; onClose(): void }) {
  const { t } = useTranslation();
  const { tenant } = useApp();
  const [giorno, setGiorno] = useState<string | null>(null);
  const [settimana, setSettimana] = useState(0);
  const giorni = useLoad(async () => {
    const answer = await unwrap(sportello.moduli.helper({ tenant, path: `calendars/${calendarId}/availabilities?available=true` }));
    return asList(answer.data).filter((d) => d['available'] !== false).map((d) => String(d['date']));
  }, [tenant, calendarId]);
  const orari = useLoad(async () => {
    if (!giorno) return [];
    const answer = await unwrap(sportello.moduli.helper({ tenant, path: `calendars/${calendarId}/availabilities/${giorno}?available=true` }));
    return asList(answer.data).map((s) => ({ date: String(s['date']), start_time: String(s['start_time']), end_time: String(s['end_time']), opening_hour: String(s['opening_hour']) }) satisfies Orario);
  }, [tenant, calendarId, giorno]);
  const action = useAction();
  const move = async (o: Orario) => {
    const p = await action.run(() => unwrap(sportello.pratiche['appuntamenti.sposta']({ id: praticaId, appuntamentoId, giorno: o.date, inizio: o.start_time, fine: o.end_time, openingHour: o.opening_hour })));
    if (p) onMoved(p);
  };
  return (
    <div className="mt-3 p-3 border rounded" data-testid="sposta-appuntamento">
      <h3 className="h5">{t('appuntamenti.scegli-giorno')}</h3>
      <ErrorAlert message={giorni.error} />
      {!giorni.data ? <Busy /> : giorni.data.length === 0 ? <p>{t('appuntamenti.nessun-giorno')}</p> : (
        <Settimane giorni={giorni.data} indice={settimana} onIndice={setSettimana} scelto={giorno} onScelto={setGiorno} />
      )}
      {giorno && (
        <>
          <h3 className="h5">{t('appuntamenti.scegli-orario')}</h3>
          <ErrorAlert message={orari.error} />
          {orari.busy && !orari.data ? <Busy /> : (
            <div className="d-flex flex-wrap gap-2 mb-3">
              {(orari.data ?? []).map((o) => (
                <button key={`${o.start_time}-${o.opening_hour}`} type="button" className="btn btn-outline-primary" disabled={action.busy} onClick={() => void move(o)} data-testid="orario-libero">{`${o.start_time}–${o.end_time}`}</button>
              ))}
            </div>
          )}
        </>
      )}
      <ErrorAlert message={action.error} />
      <button type="button" className="btn btn-outline-secondary" onClick={onClose}>{t('app.annulla')}</button>
    </div>
  );
}

/** One week at a time, Monday to Sunday: its free days choosable, the others shown as full; earlier and later weeks a button away. */
function Settimane({ giorni, indice, onIndice, scelto, onScelto }: { giorni: string[]; indice: number; onIndice(i: number): void; scelto: string | null; onScelto(d: string): void }) {
  const { t } = useTranslation();
  const settimane = settimaneDi(giorni);
  const i = Math.min(indice, settimane.length - 1);
  const corrente = settimane[i]!;
  const liberi = new Set(giorni);
  return (
    <div className="mb-3" data-testid="settimana-libera">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <button type="button" className="btn btn-outline-secondary" disabled={i === 0} onClick={() => onIndice(i - 1)} data-testid="settimana-precedente">{t('appuntamenti.settimana-precedente')}</button>
        <p className="fw-semibold mb-0" aria-live="polite">{t('appuntamenti.settimana', { dal: formatDay(corrente.giorni[0]!), al: formatDay(corrente.giorni[6]!) })}</p>
        <button type="button" className="btn btn-outline-secondary" disabled={i === settimane.length - 1} onClick={() => onIndice(i + 1)} data-testid="settimana-successiva">{t('appuntamenti.settimana-successiva')}</button>
      </div>
      <div className="d-flex flex-wrap gap-2" data-testid="giorni-settimana">
        {corrente.giorni.map((d) =>
          liberi.has(d) ? (
            <button key={d} type="button" className={`btn ${d === scelto ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={d === scelto} aria-label={formatDay(d)} onClick={() => onScelto(d)} data-testid="giorno-libero">{formatWeekday(d)}</button>
          ) : (
            <button key={d} type="button" className="btn btn-outline-secondary" disabled aria-label={t('appuntamenti.giorno-pieno', { giorno: formatDay(d) })}>{formatWeekday(d)}</button>
          ),
        )}
      </div>
    </div>
  );
}
