import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Go } from '../navigation/navigation';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { PraticheList } from '../components/PraticheList';
import { Breadcrumb, tappeHome } from '../shell/Breadcrumb';
import { PraticheConcluse } from './PraticheConcluse';

const TABS = ['bozza', 'inviate', 'in-elaborazione', 'accettate', 'rifiutate', 'da-integrare', 'ritirate', 'per-mio-conto'] as const;
type Tab = (typeof TABS)[number];

/** The citizen's pratiche by state, each tab with its count. */
export function LeMiePratiche({ go }: { go: Go }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('inviate');
  const load = useLoad(() => unwrap(sportello.pratiche.list({ group: tab })), [tab]);
  // Read on the portal once per visit: the concluded pratiche the device no longer keeps.
  const concluse = useLoad(() => unwrap(sportello.pratiche['concluse.list']({})), []);
  const { reload } = load;
  // A pratica moved on (its status, a message from the comune): the tabs and rows show it as it happens.
  useEffect(() => sportello.on('sync.pratica', () => reload()), [reload]);
  // Core leaves out those the device still lists: each pratica is counted and shown once.
  const lette = concluse.data?.pratiche ?? [];
  const counts = load.data && { ...load.data.counts };
  if (counts) for (const c of lette) counts[c.group]++;
  const locali = load.data?.pratiche ?? [];
  const delGruppo = tab === 'per-mio-conto' ? [] : lette.filter((c) => c.group === tab);
  return (
    <section>
      <Breadcrumb tappe={tappeHome(t)} current={t('menu.pratiche')} go={go} />
      <ScreenTitle testId="titolo-pratiche">{t('pratiche.titolo')}</ScreenTitle>
      <div className="d-flex flex-wrap gap-2 mb-4" role="group" aria-label={t('pratiche.schede')}>
        {TABS.map((g) => (
          <button key={g} type="button" className={`btn ${g === tab ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={g === tab} onClick={() => setTab(g)} data-testid={`scheda-${g}`}>
            {t(`pratiche.gruppi.${g}`)} <span className="badge bg-white text-primary ms-1">{counts ? counts[g] : '…'}</span>
          </button>
        ))}
      </div>
      <ErrorAlert message={load.error} />
      {load.busy && !load.data ? <Busy /> : load.data && (locali.length > 0 || delGruppo.length === 0) && <PraticheList pratiche={locali} go={go} />}
      <PraticheConcluse pratiche={delGruppo} />
      {concluse.data?.stato === 'non-raggiungibile' && <p className="mt-3" data-testid="concluse-non-raggiungibili">{t('pratiche.concluse.non-raggiungibili')}</p>}
    </section>
  );
}
