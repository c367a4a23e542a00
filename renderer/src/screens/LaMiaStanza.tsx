import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Go } from '../navigation/navigation';
import { useApp } from '../platform/app-context';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { ServiceList } from '../components/ServiceList';
import { PraticheList } from '../components/PraticheList';
import { formatDate } from '../components/dates';

/** The citizen's room: deadlines, notices, featured services, latest pratiche. */
export function LaMiaStanza({ go }: { go: Go }) {
  const { t } = useTranslation();
  const { tenant } = useApp();
  const load = useLoad(async () => {
    const [comune, servizi, pratiche] = await Promise.all([
      unwrap(sportello.catalogue.tenant({ tenant })),
      unwrap(sportello.catalogue.list({ tenant })),
      unwrap(sportello.pratiche.list({})),
    ]);
    // In primo piano: what the comune is waiting for or has written, before anything else.
    const daLeggere = pratiche.pratiche.filter((p) => p.messaggiNonLetti > 0 || p.group === 'da-integrare' || p.prossimoAppuntamento !== null || p.prenotazione !== null);
    const nuovi = pratiche.pratiche.reduce((n, p) => n + p.messaggiNonLetti, 0);
    return { comune, inEvidenza: servizi.slice(0, 6), recenti: pratiche.pratiche.slice(0, 5), daLeggere, nuovi, daIntegrare: pratiche.counts['da-integrare'] };
  }, [tenant]);
  const { reload } = load;
  useEffect(() => sportello.on('sync.pratica', () => reload()), [reload]);

  return (
    <section>
      <ScreenTitle testId="titolo-stanza">{t('stanza.titolo')}</ScreenTitle>
      <ErrorAlert message={load.error} />
      {load.busy && !load.data && <Busy />}
      {load.data && load.data.daLeggere.length > 0 && (
        <div className="alert alert-warning mb-4" data-testid="stanza-dal-comune">
          <h2 className="h4">{t('stanza.dal-comune')}</h2>
          {load.data.nuovi > 0 && <p className="mb-1">{t('stanza.messaggi-nuovi', { count: load.data.nuovi })}</p>}
          {load.data.daIntegrare > 0 && <p>{t('stanza.da-integrare', { count: load.data.daIntegrare })}</p>}
          {load.data.daLeggere.some((p) => p.prossimoAppuntamento || p.prenotazione?.stato === 'da-confermare') && <p>{t('stanza.appuntamenti')}</p>}
          {load.data.daLeggere.some((p) => p.prenotazione?.stato === 'non-disponibile') && <p>{t('stanza.appuntamento-non-disponibile')}</p>}
          <PraticheList pratiche={load.data.daLeggere} go={go} testId="pratiche-dal-comune" />
        </div>
      )}
      {load.data && (
        <div className="row g-4">
          <div className="col-12 col-lg-6">
            <h2 className="h4">{t('stanza.scadenze')}</h2>
            {load.data.comune.scadenze.length === 0 ? <p>{t('stanza.nessuna-scadenza')}</p> : (
              <ul className="list-group mb-3" data-testid="scadenze">
                {[...load.data.comune.scadenze].sort((a, b) => a.date.localeCompare(b.date)).map((s, i) => (
                  <li key={i} className="list-group-item"><span className="fw-semibold">{formatDate(s.date)}</span> · {s.title}</li>
                ))}
              </ul>
            )}
          </div>
          <div className="col-12 col-lg-6">
            <h2 className="h4">{t('stanza.avvisi')}</h2>
            {load.data.comune.avvisi.length === 0 ? <p>{t('stanza.nessun-avviso')}</p> : (
              <ul className="list-group mb-3" data-testid="avvisi">
                {load.data.comune.avvisi.map((a, i) => (
                  <li key={i} className="list-group-item">
                    <span className="d-block fw-semibold">{a.title}</span>
                    <span className="d-block">{a.text}</span>
                    <span className="d-block small">{formatDate(a.date)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="col-12">
            <h2 className="h4">{t('stanza.in-evidenza')}</h2>
            <ServiceList services={load.data.inEvidenza} go={go} testId="servizi-in-evidenza" />
          </div>
          <div className="col-12">
            <h2 className="h4">{t('stanza.recenti')}</h2>
            <PraticheList pratiche={load.data.recenti} go={go} />
          </div>
        </div>
      )}
    </section>
  );
}
