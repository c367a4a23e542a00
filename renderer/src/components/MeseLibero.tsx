import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatMonth, formatWeekdayName } from './dates';
import { giornoDopoTasto, type Mese } from './mesi';

/**
 * A month of a calendar as a grid, Monday to Sunday: the free days choosable, the others shown but
 * not choosable (aria-disabled, so the keyboard still walks over them as over a wall calendar);
 * earlier and later months a button away. One day of the grid is in the Tab order, the arrows move
 * from day to day and week to week (into the next or the previous month too), Home and End to the
 * week's ends, as WAI-ARIA's date picker grid does; every cell is a full-size button for a finger.
 */
export function MeseLibero({ mesi, liberi, indice, onIndice, scelto, onScelto }: { mesi: readonly Mese[]; liberi: ReadonlySet<string>; indice: number; onIndice(i: number): void; scelto: string | null; onScelto(d: string): void }) {
  const { t } = useTranslation();
  const i = Math.min(indice, mesi.length - 1);
  const corrente = mesi[i]!;
  const giorni = corrente.settimane.flat().filter((d): d is string => d !== null);
  const [attivo, setAttivo] = useState<string | null>(null);
  const inGriglia = attivo && giorni.includes(attivo) ? attivo : scelto && giorni.includes(scelto) ? scelto : (giorni.find((d) => liberi.has(d)) ?? giorni[0]!);
  const celle = useRef(new Map<string, HTMLButtonElement>());
  // Focus follows the keyboard only: a month changed by its buttons leaves the focus on them.
  const daFocalizzare = useRef<string | null>(null);
  useEffect(() => {
    if (daFocalizzare.current) celle.current.get(daFocalizzare.current)?.focus();
    daFocalizzare.current = null;
  });
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, giorno: string) => {
    const dopo = giornoDopoTasto(giorno, e.key);
    if (!dopo) return;
    const mese = mesi.findIndex((m) => m.mese === dopo.slice(0, 7));
    e.preventDefault();
    if (mese < 0) return;
    if (mese !== i) onIndice(mese);
    setAttivo(dopo);
    daFocalizzare.current = dopo;
  };
  // A month's second row is always whole (its first row holds the 1st, and no month is shorter than 28 days).
  const settimanaIntera = corrente.settimane[1] as string[];
  const titoloId = `mese-${corrente.mese}`;
  return (
    <div className="mb-3" data-testid="mese-libero">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <button type="button" className="btn btn-outline-secondary" disabled={i === 0} onClick={() => onIndice(i - 1)} data-testid="mese-precedente">{t('appuntamenti.mese-precedente')}</button>
        <p className="fw-semibold mb-0 text-capitalize" id={titoloId} aria-live="polite">{formatMonth(`${corrente.mese}-01`)}</p>
        <button type="button" className="btn btn-outline-secondary" disabled={i === mesi.length - 1} onClick={() => onIndice(i + 1)} data-testid="mese-successivo">{t('appuntamenti.mese-successivo')}</button>
      </div>
      <table className="table table-borderless text-center mb-0" role="grid" aria-labelledby={titoloId}>
        <thead>
          <tr>
            {settimanaIntera.map((d) => (
              <th key={d} scope="col" abbr={formatWeekdayName(d, 'long')}>{formatWeekdayName(d, 'short')}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {corrente.settimane.map((settimana) => (
            <tr key={settimana.find(Boolean)}>
              {settimana.map((d, col) => {
                if (!d) return <td key={`vuoto-${col}`} />;
                const libero = liberi.has(d);
                return (
                  <td key={d} className="p-1">
                    <button
                      ref={(el) => { if (el) celle.current.set(d, el); else celle.current.delete(d); }}
                      type="button"
                      className={`btn w-100 px-0 py-2 ${!libero ? 'btn-outline-secondary opacity-50' : d === scelto ? 'btn-primary' : 'btn-outline-primary'}`}
                      tabIndex={d === inGriglia ? 0 : -1}
                      aria-disabled={!libero || undefined}
                      aria-pressed={libero ? d === scelto : undefined}
                      aria-label={libero ? formatDay(d) : t('appuntamenti.giorno-pieno', { giorno: formatDay(d) })}
                      onClick={() => { setAttivo(d); if (libero) onScelto(d); }}
                      onKeyDown={(e) => onKeyDown(e, d)}
                      data-testid={libero ? 'giorno-libero' : 'giorno-pieno'}
                    >
                      {Number(d.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
