import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PraticaView } from '../../../electron/shared/contract/pratiche';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction } from '../platform/use-load';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { locale } from '../components/dates';
import { SpostaAppuntamento } from './SpostaAppuntamento';

type Appuntamento = NonNullable<PraticaView['portale']>['appuntamenti'][number];

/** "giovedì 11 giugno 2026, 09:00–09:30": the day in words, as an appointment is said. */
export function quando(a: Pick<Appuntamento, 'dal' | 'al'>): string {
  const dal = new Date(a.dal);
  const giorno = dal.toLocaleDateString(locale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' });
  const ora = (d: Date) => d.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' });
  return `${giorno}, ${ora(dal)}–${ora(new Date(a.al))}`;
}

/** The appointments booked from the pratica, where and when, each cancellable while it is still to come. */
export function AppuntamentiPratica({ praticaId, appuntamenti, onChanged }: { praticaId: string; appuntamenti: Appuntamento[]; onChanged(p: PraticaView): void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const action = useAction();
  const cancel = async (appuntamentoId: string) => {
    setAsking(null);
    const p = await action.run(() => unwrap(sportello.pratiche['appuntamenti.annulla']({ id: praticaId, appuntamentoId })));
    if (p) onChanged(p);
  };
  return (
    <section className="mb-4" aria-labelledby="titolo-appuntamenti">
      <h2 className="h4" id="titolo-appuntamenti">{t('appuntamenti.titolo')}</h2>
      <ul className="list-group">
        {appuntamenti.map((a) => (
          <li key={a.id} className="list-group-item" data-testid="appuntamento">
            <p className="fw-semibold mb-1" data-testid="quando-appuntamento">{quando(a)}</p>
            {(a.ufficio || a.luogo) && <p className="mb-1">{[a.ufficio, a.luogo].filter(Boolean).join(' · ')}</p>}
            <p className="mb-2" data-testid="stato-appuntamento">
              {a.annullamento ? t(`appuntamenti.annullamento.${a.annullamento}`) : a.spostamento ? t(`appuntamenti.spostamento.${a.spostamento}`) : t(`appuntamenti.stato.${a.stato}`)}
            </p>
            <div className="d-flex flex-wrap gap-3">
              {a.spostabileIn && (
                <button type="button" className="btn btn-outline-primary" disabled={action.busy} onClick={() => setMoving(a.id)} data-testid="sposta">
                  {t('appuntamenti.sposta')}
                </button>
              )}
              {a.annullabile && (
                <button type="button" className="btn btn-outline-danger" disabled={action.busy} onClick={() => setAsking(a.id)} data-testid="annulla-appuntamento">
                  {t('appuntamenti.annulla')}
                </button>
              )}
            </div>
            {moving === a.id && a.spostabileIn && (
              <SpostaAppuntamento praticaId={praticaId} appuntamentoId={a.id} calendarId={a.spostabileIn} onClose={() => setMoving(null)} onMoved={(p) => { setMoving(null); onChanged(p); }} />
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert message={action.error} />
      {asking && (
        <ConfirmDialog testId="conferma-annulla-appuntamento" title={t('appuntamenti.annulla-domanda')} text={t('appuntamenti.annulla-testo')} confirmLabel={t('appuntamenti.annulla-si')} onConfirm={() => void cancel(asking)} onCancel={() => setAsking(null)} />
      )}
    </section>
  );
}
