import { useCallback, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { isPublic, navigate, type Go, type NavigationState } from '../navigation/navigation';
import { TuttiIServizi } from '../screens/TuttiIServizi';
import { SchedaServizio } from '../screens/SchedaServizio';

const start: NavigationState = { screen: { name: 'servizi' }, past: [] };

/**
 * The catalogue before the card: the list, the search and the service sheets, which are the
 * comune's public data. Only the public screens open here; "Home" goes back to the attract
 * screen, and starting a service asks for the card (`onAccedi`).
 */
export function EsploraServizi({ onHome, onAccedi }: { onHome(): void; onAccedi(servizio: { slug: string; name: string }): void }) {
  const { t } = useTranslation();
  const [nav, dispatch] = useReducer(navigate, start);
  const go = useCallback<Go>(
    (screen, options) => {
      if (isPublic(screen)) dispatch({ type: options?.replace ? 'replace' : 'go', screen });
      else onHome();
    },
    [onHome],
  );
  const screen = nav.screen;
  return (
    <div className="container py-4" data-testid="esplora-servizi">
      <div className="d-flex flex-wrap gap-2 mb-3">
        <button type="button" className="btn btn-outline-primary" data-testid="torna-inizio" onClick={onHome}>
          {t('esplora.inizio')}
        </button>
        {nav.past.length > 0 && (
          <button type="button" className="btn btn-link" data-testid="indietro-schermata" onClick={() => dispatch({ type: 'back' })}>
            ← {t('menu.indietro')}
          </button>
        )}
      </div>
      <div key={JSON.stringify(screen)}>
        {screen.name === 'scheda' ? <SchedaServizio service={screen.service} go={go} onAccedi={onAccedi} /> : <TuttiIServizi go={go} />}
      </div>
    </div>
  );
}
