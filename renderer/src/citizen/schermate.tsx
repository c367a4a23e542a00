/**
 * The screen for each place of the citizen's navigation: the citizen's app and the desk's
 * assisted pratiche show the same screens (core decides whose pratiche they are).
 */
import type { ReactNode } from 'react';
import type { Go, Screen } from '../navigation/navigation';
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

export function screenFor(screen: Screen, go: Go): ReactNode {
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
