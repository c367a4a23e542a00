import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Go } from '../navigation/navigation';
import type { ServiceSummary } from '../../../electron/shared/contract/catalogue';
import { useApp } from '../platform/app-context';
import { sportello } from '../platform/sportello';
import { unwrap, messageOf } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { ServiceList } from '../components/ServiceList';
import { Breadcrumb, tappeServizio } from '../shell/Breadcrumb';

type Filter = { kind: 'tutti' } | { kind: 'area'; slug: string } | { kind: 'pubblico'; slug: string } | { kind: 'ricerca'; query: string };

/** Every service of the comune, by area, by "Io sono..." (audience) or by search. */
export function TuttiIServizi({ go }: { go: Go }) {
  const { t } = useTranslation();
  const { tenant } = useApp();
  const searchId = useId();
  const comune = useLoad(() => unwrap(sportello.catalogue.tenant({ tenant })), [tenant]);
  const [filter, setFilter] = useState<Filter>({ kind: 'tutti' });
  const [query, setQuery] = useState('');
  const [services, setServices] = useState<ServiceSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setServices(null);
    const pending =
      filter.kind === 'ricerca'
        ? sportello.catalogue.search({ tenant, query: filter.query, limit: 50 })
        : sportello.catalogue.list({ tenant, ...(filter.kind === 'area' ? { topic: filter.slug } : {}), ...(filter.kind === 'pubblico' ? { audience: filter.slug } : {}) });
    unwrap(pending).then((s) => live && (setServices(s), setError(null)), (e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [filter, tenant]);

  const chip = (active: boolean, label: string, onClick: () => void, testId: string) => (
    <button type="button" className={`btn ${active ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={active} onClick={onClick} data-testid={testId}>{label}</button>
  );

  return (
    <section>
      <Breadcrumb tappe={tappeServizio(t).slice(0, 1)} current={t('percorso.servizi')} go={go} />
      <ScreenTitle testId="titolo-servizi">{t('servizi.titolo')}</ScreenTitle>
      <form className="d-flex gap-2 mb-4" role="search" onSubmit={(e) => (e.preventDefault(), setFilter(query.trim() ? { kind: 'ricerca', query: query.trim() } : { kind: 'tutti' }))}>
        <label htmlFor={searchId} className="visually-hidden">{t('servizi.cerca')}</label>
        <input id={searchId} type="search" className="form-control" placeholder={t('servizi.cerca-segnaposto')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="cerca-servizi" />
        <button type="submit" className="btn btn-primary">{t('servizi.cerca')}</button>
      </form>
      <ErrorAlert message={comune.error ?? error} />
      {comune.data && (
        <>
          <h2 className="h5">{t('servizi.aree')}</h2>
          <div className="d-flex flex-wrap gap-2 mb-3">
            {chip(filter.kind === 'tutti', t('servizi.tutti'), () => setFilter({ kind: 'tutti' }), 'area-tutti')}
            {comune.data.topics.map((a) => chip(filter.kind === 'area' && filter.slug === a.slug, `${a.name} (${a.services})`, () => setFilter({ kind: 'area', slug: a.slug }), `area-${a.slug}`))}
          </div>
          {comune.data.audiences.length > 0 && (
            <>
              <h2 className="h5">{t('servizi.io-sono')}</h2>
              <div className="d-flex flex-wrap gap-2 mb-4">
                {comune.data.audiences.map((p) => chip(filter.kind === 'pubblico' && filter.slug === p.slug, p.name, () => setFilter({ kind: 'pubblico', slug: p.slug }), `pubblico-${p.slug}`))}
              </div>
            </>
          )}
        </>
      )}
      {services === null && !error ? <Busy /> : services && <ServiceList services={services} go={go} testId="elenco-servizi" />}
    </section>
  );
}
