import { useCallback, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardSession } from '../../../electron/shared/contract/card';
import { navigate, navigationFor, MENU, type Go } from '../navigation/navigation';
import { Onboarding } from './Onboarding';
import { screenFor } from './schermate';
import { VoceMenu } from './VoceMenu';

/**
 * Everything a citizen sees once the PIN is verified: terms and profile first, then the menu, or
 * the service they chose before inserting the card.
 */
export function CitizenApp({ session, servizio, onExit }: { session: CardSession; servizio: string | null; onExit(): void }) {
  const { t } = useTranslation();
  const [onboarded, setOnboarded] = useState(false);
  const [nav, dispatch] = useReducer(navigate, servizio, navigationFor);
  const go = useCallback<Go>((screen, options) => dispatch({ type: options?.replace ? 'replace' : 'go', screen }), []);
  const name = session.titolare ? `${session.titolare.nome} ${session.titolare.cognome}` : '';

  const onboardingDone = useCallback(() => setOnboarded(true), []);
  if (!onboarded) return <Onboarding onDone={onboardingDone} onExit={onExit} />;
  return (
    <div className="citizen">
      <nav className="citizen-nav bg-light border-bottom px-3 py-2 d-flex align-items-center gap-2" aria-label={t('menu.etichetta')}>
        <span className="fw-semibold me-3" data-testid="cittadino">{name}</span>
        <div className="citizen-menu">
          {MENU.map((item) => (
            <VoceMenu key={item} attiva={nav.screen.name === item} testId={`menu-${item}`} onClick={() => go({ name: item })}>
              {t(`menu.${item}`)}
            </VoceMenu>
          ))}
        </div>
        <button type="button" className="btn btn-dark ms-auto" data-testid="esci" onClick={onExit}>
          {t('menu.esci')}
        </button>
      </nav>
      <div className="container py-4">
        {nav.past.length > 0 && (
          <button type="button" className="btn btn-link px-0 mb-2" data-testid="indietro-schermata" onClick={() => dispatch({ type: 'back' })}>
            ← {t('menu.indietro')}
          </button>
        )}
        <div key={JSON.stringify(nav.screen)}>{screenFor(nav.screen, go)}</div>
      </div>
    </div>
  );
}
