import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardReaderStatus } from '../../../electron/shared/contract/card';
import type { StatoAccesso } from '../../../electron/shared/contract/sync';
import { connectionListeners, sportello } from '../platform/sportello';

type ReaderState = 'disponibile' | 'non-disponibile' | 'nessun-lettore';
interface SyncState {
  online: boolean;
  outbox: number;
  /** Home: the citizen's own access to the portal with the card; null elsewhere. */
  accesso: StatoAccesso | null;
}

/** At home, pratiche that wait for the citizen's card (not for the portal, which is just unreachable or being asked). */
const waitsForCard = (a: StatoAccesso | null): boolean => a !== null && (a.stato === 'da-fare' || a.stato === 'non-riuscito');

/** What the bar says about the portal: at home, whether the citizen's card has logged in. */
function portalText(t: (key: string) => string, sync: SyncState, demo: boolean): string {
  if (demo) return t('stato.demo');
  const a = sync.accesso;
  if (a && a.stato !== 'attivo') return a.messaggio ?? t(`stato.accesso.${a.stato === 'in-corso' ? 'in-corso' : 'da-fare'}`);
  if (!sync.online) return t('stato.offline');
  return a ? t('stato.accesso.attivo') : t('stato.online');
}

function readerState(status: CardReaderStatus): ReaderState {
  if (status.service === 'non-disponibile') return 'non-disponibile';
  return status.readers.length === 0 ? 'nessun-lettore' : 'disponibile';
}

/**
 * Reader, portal and outbox state, always visible at the bottom of the screen. Asked
 * once, then kept current by the card and sync events.
 */
export function StatusBar({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  const [reader, setReader] = useState<ReaderState | null>(null);
  const [sync, setSync] = useState<SyncState | null>(null);
  const [connected, setConnected] = useState(true);

  useEffect(() => {
    let live = true;
    const offs = [
      sportello.on('card.reader', (s) => live && setReader(readerState(s))),
      sportello.on('sync.status', (s) => live && setSync(s)),
    ];
    connectionListeners.add(setConnected);
    return () => {
      live = false;
      offs.forEach((off) => off());
      connectionListeners.delete(setConnected);
    };
  }, []);

  return (
    <footer className="status-bar bg-dark text-white px-4 py-2" aria-label={t('stato.etichetta')}>
      <ul className="list-inline mb-0" aria-live="polite">
        {!connected && <li className="list-inline-item fw-semibold">{t('stato.collegamento-perso')}</li>}
        {reader && <li className="list-inline-item me-4" data-testid="stato-lettore">{t(`stato.lettore.${reader}`)}</li>}
        {sync && (
          <>
            <li className="list-inline-item me-4" data-testid="stato-portale">{portalText(t, sync, demo)}</li>
            {/* Nothing waiting, nothing to say: the count shows only while pratiche wait to leave. */}
            {sync.outbox > 0 && (
              <li className="list-inline-item" data-testid="stato-coda">
                {t(waitsForCard(sync.accesso) ? 'stato.coda-accesso' : 'stato.coda', { count: sync.outbox })}
              </li>
            )}
          </>
        )}
      </ul>
    </footer>
  );
}
