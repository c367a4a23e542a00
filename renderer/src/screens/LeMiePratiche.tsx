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

const TABS = ['bozza', 'inviate', 'in-elaborazione', 'accettate', 'rifiutate', 'da-integrare', 'ritirate', 'per-mio-conto'] as const;
type Tab = (typeof TABS)[number];

/** The citizen's pratiche by state, each tab with its count. */
export function LeMiePratiche({ go }: { go: Go }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('inviate');
  const load = useLoad(() => unwrap(sportello.pratiche.list({ group: tab })), [tab]);
  const { reload } = load;
  // A pratica moved on (its status, a message from the comune): the tabs and rows show it as it happens.
  useEffect(() => sportello.on('sync.pratica', () => reload()), [reload]);
  const counts = load.data?.counts;
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
      {load.busy && !load.data ? <Busy /> : load.data && <PraticheList pratiche={load.data.pratiche} go={go} />}
    </section>
  );
}
