import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvent } from '../platform/use-event';
import { connectionListeners } from '../platform/sportello';

/** Reader, portal and outbox state, always visible at the bottom of the screen. */
export function StatusBar() {
  const { t } = useTranslation();
  const status = useEvent('app.status');
  const [connected, setConnected] = useState(true);
  useEffect(() => {
    connectionListeners.add(setConnected);
    return () => void connectionListeners.delete(setConnected);
  }, []);
  return (
    <footer className="status-bar bg-dark text-white px-4 py-2" aria-label={t('stato.etichetta')} role="contentinfo">
      <ul className="list-inline mb-0" aria-live="polite">
        {!connected && <li className="list-inline-item fw-semibold">{t('stato.collegamento-perso')}</li>}
        {status && (
          <>
            <li className="list-inline-item me-4" data-testid="stato-lettore">{t(`stato.lettore.${status.reader}`)}</li>
            <li className="list-inline-item me-4" data-testid="stato-portale">{status.online ? t('stato.online') : t('stato.offline')}</li>
            <li className="list-inline-item" data-testid="stato-coda">{t('stato.coda', { count: status.outbox })}</li>
          </>
        )}
      </ul>
    </footer>
  );
}
