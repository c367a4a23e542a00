import { useCallback, useReducer, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardSession } from '../../../electron/shared/contract/card';
import { navigate, navigationFor, MENU, type Go, type Screen } from '../navigation/navigation';
import { Onboarding } from './Onboarding';
import { LaMiaStanza } from '../screens/LaMiaStanza';
import { TuttiIServizi } from '../screens/TuttiIServizi';
import { SchedaServizio } from '../screens/SchedaServizio';
import { Wizard } from '../screens/wizard/Wizard';
import { StatoCompilazione } from '../screens/StatoCompilazione';
import { Firma } from '../screens/Firma';
import { Ricevuta } from '../screens/Ricevuta';
import { LeMiePratiche } from '../screens/LeMiePratiche';
import { DettaglioPratica } from '../screens/DettaglioPratica';
import { IMieiAllegati } from '../screens/IMieiAllegati';
import { IlMioProfilo } from '../screens/IlMioProfilo';
import { GestionePin } from '../screens/GestionePin';

function screenFor(screen: Screen, go: Go): ReactNode {
  switch (screen.name) {
    case 'stanza':
      return <LaMiaStanza go={go} />;
    case 'servizi':
      return <TuttiIServizi go={go} />;
    case 'scheda':
      return <SchedaServizio service={screen.service} go={go} />;
    case 'wizard':
      return <Wizard praticaId={screen.praticaId} go={go} />;
    case 'stato':
      return <StatoCompilazione praticaId={screen.praticaId} go={go} />;
    case 'firma':
      return <Firma praticaId={screen.praticaId} go={go} />;
    case 'ricevuta':
      return <Ricevuta praticaId={screen.praticaId} go={go} />;
    case 'pratiche':
      return <LeMiePratiche go={go} />;
    case 'dettaglio':
      return <DettaglioPratica praticaId={screen.praticaId} go={go} />;
    case 'allegati':
      return <IMieiAllegati />;
    case 'profilo':
      return <IlMioProfilo />;
    case 'pin':
      return <GestionePin />;
  }
}

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
            <button
              key={item}
              type="button"
              className={`btn ${nav.screen.name === item ? 'btn-primary' : 'btn-outline-primary'}`}
              aria-current={nav.screen.name === item ? 'page' : undefined}
              data-testid={`menu-${item}`}
              onClick={() => go({ name: item })}
            >
              {t(`menu.${item}`)}
            </button>
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
