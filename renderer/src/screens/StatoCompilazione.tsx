import { useTranslation } from 'react-i18next';
import type { Go } from '../navigation/navigation';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';

/** What is still missing before the pratica can be sent, step by step. */
export function StatoCompilazione({ praticaId, go }: { praticaId: string; go: Go }) {
  const { t } = useTranslation();
  const load = useLoad(async () => {
    const [pratica, completeness] = await Promise.all([unwrap(sportello.pratiche.get({ id: praticaId })), unwrap(sportello.pratiche.completeness({ id: praticaId }))]);
    return { pratica, completeness };
  }, [praticaId]);
  if (load.error) return <ErrorAlert message={load.error} />;
  if (!load.data) return <Busy />;
  const { pratica, completeness } = load.data;
  return (
    <section>
      <ScreenTitle testId="titolo-stato-compilazione">{t('stato-compilazione.titolo')}</ScreenTitle>
      <p className="lead">{pratica.service.name}</p>
      {completeness.complete ? (
        <p className="alert alert-success" data-testid="compilazione-completa">{t('stato-compilazione.completa')}</p>
      ) : (
        <>
          <p>{t('stato-compilazione.mancano', { count: completeness.missing.length })}</p>
          <ul className="list-group mb-4" data-testid="mancanze">
            {completeness.missing.map((m, i) => (
              <li key={i} className="list-group-item"><span className="fw-semibold">{m.stepTitle}</span>: {m.message}</li>
            ))}
          </ul>
        </>
      )}
      <div className="d-flex gap-3 flex-wrap">
        <button type="button" className="btn btn-primary btn-lg" onClick={() => go({ name: 'wizard', praticaId })}>{t('stato-compilazione.torna')}</button>
        {completeness.complete && (
          <button type="button" className="btn btn-outline-primary btn-lg" onClick={() => go({ name: 'firma', praticaId })}>{t('stato-compilazione.firma')}</button>
        )}
      </div>
    </section>
  );
}
