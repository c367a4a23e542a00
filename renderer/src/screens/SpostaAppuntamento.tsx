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
import { mesiDi } from '../components/mesi';
import { MeseLibero } from '../components/MeseLibero';

/** A free slot as the portal's calendar lists it (CalendarsAPIController, `availabilities/<day>`). */
interface Orario {
  date: string;
  start_time: string;
  end_time: string;
  opening_hour: string;
}

const asList = (data: unknown): Record<string, unknown>[] => (Array.isArray(data) ? data.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : []);

type Vista = 'mese' | 'settimana';

/**
 * Another slot for an appointment: the days of its calendar with a free place, a month or a week at
 * a time, then the chosen day's free times, read from the portal as the booking form reads them
 * (`moduli.helper`); the move is sent through the outbox, and refused there if someone took the slot meanwhile.
 */
export function SpostaAppuntamento({ praticaId, appuntamentoId, calendarId, onMoved, onClose }: { praticaId: string; appuntamentoId: string; calendarId: string; onMoved(p: PraticaView): void; onClose(): void }) {
  const { t } = useTranslation();
  const { tenant } = useApp();
  const [giorno, setGiorno] = useState<string | null>(null);
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
        <GiorniLiberi giorni={giorni.data} scelto={giorno} onScelto={setGiorno} />
      )}
      {giorno && (
        <section aria-labelledby="orari-del-giorno" data-testid="giorno-orari">
          <h3 className="h5" id="orari-del-giorno">{t('appuntamenti.orari-del-giorno', { giorno: formatDay(giorno) })}</h3>
          <ErrorAlert message={orari.error} />
          {orari.busy && !orari.data ? <Busy /> : (
            <div className="d-flex flex-wrap gap-2 mb-3">
              {(orari.data ?? []).map((o) => (
                <button key={`${o.start_time}-${o.opening_hour}`} type="button" className="btn btn-outline-primary" disabled={action.busy} onClick={() => void move(o)} data-testid="orario-libero">{`${o.start_time}–${o.end_time}`}</button>
              ))}
            </div>
          )}
        </section>
      )}
      <ErrorAlert message={action.error} />
      <button type="button" className="btn btn-outline-secondary" onClick={onClose}>{t('app.annulla')}</button>
    </div>
  );
}

/**
 * The free days as a month (first) or as a week; the view switched to opens where the citizen was
 * looking, at the chosen day or else at the first free day of the month or week on screen.
 */
function GiorniLiberi({ giorni, scelto, onScelto }: { giorni: string[]; scelto: string | null; onScelto(d: string): void }) {
  const [vista, setVista] = useState<Vista>('mese');
  const [mese, setMese] = useState(0);
  const [settimana, setSettimana] = useState(0);
  const mesi = mesiDi(giorni);
  const settimane = settimaneDi(giorni);
  const liberi = new Set(giorni);
  const cambia = (v: Vista) => {
    const mostrati = vista === 'mese' ? (mesi[mese]?.settimane.flat() ?? []) : (settimane[settimana]?.giorni ?? []);
    const ancora = scelto ?? mostrati.find((d) => d !== null && liberi.has(d));
    if (ancora && v === 'settimana') setSettimana(Math.max(0, settimane.findIndex((w) => w.giorni.includes(ancora))));
    if (ancora && v === 'mese') setMese(Math.max(0, mesi.findIndex((m) => ancora.startsWith(m.mese))));
    setVista(v);
  };
  return (
    <>
      <Viste vista={vista} onVista={cambia} />
      {vista === 'mese'
        ? <MeseLibero mesi={mesi} liberi={liberi} indice={mese} onIndice={setMese} scelto={scelto} onScelto={onScelto} />
        : <Settimane giorni={giorni} indice={settimana} onIndice={setSettimana} scelto={scelto} onScelto={onScelto} />}
    </>
  );
}

/** The month and the week views, one pressed. */
function Viste({ vista, onVista }: { vista: Vista; onVista(v: Vista): void }) {
  const { t } = useTranslation();
  return (
    <div className="btn-group mb-2" role="group" aria-label={t('appuntamenti.vista')}>
      {(['mese', 'settimana'] as const).map((v) => (
        <button key={v} type="button" className={`btn ${v === vista ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={v === vista} onClick={() => onVista(v)} data-testid={`vista-${v}`}>{t(`appuntamenti.vista-${v}`)}</button>
      ))}
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
