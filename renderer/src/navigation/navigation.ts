/**
 * The citizen's screens as a state machine held in memory. Nothing of a citizen goes
 * into the URL or the browser history: the screen and its arguments live here only,
 * and vanish with the citizen tree when the session ends. It lies below the citizen
 * app (which keeps the state) and the screens and lists (which ask to move): they all
 * import it, and it imports none of them.
 */
export type Screen =
  | { name: 'stanza' }
  | { name: 'servizi' }
  | { name: 'scheda'; service: string }
  | { name: 'wizard'; praticaId: string }
  | { name: 'stato'; praticaId: string }
  | { name: 'firma'; praticaId: string }
  | { name: 'ricevuta'; praticaId: string }
  | { name: 'pratiche' }
  | { name: 'dettaglio'; praticaId: string }
  | { name: 'allegati' }
  | { name: 'profilo' }
  | { name: 'pin' };

export type MenuScreen = 'stanza' | 'servizi' | 'pratiche' | 'allegati' | 'profilo' | 'pin';
export const MENU: readonly MenuScreen[] = ['stanza', 'servizi', 'pratiche', 'allegati', 'profilo', 'pin'];

export interface NavigationState {
  screen: Screen;
  /** Where "Indietro" in the shell goes; bounded so a long session cannot grow it without end. */
  past: Screen[];
}

export type NavigationAction = { type: 'go'; screen: Screen } | { type: 'back' } | { type: 'replace'; screen: Screen };

const initialNavigation: NavigationState = { screen: { name: 'stanza' }, past: [] };

/** The screens anyone may see before the card: the catalogue is the comune's public data, nothing of a citizen. */
export type PublicScreen = Extract<Screen, { name: 'servizi' } | { name: 'scheda' }>;

export function isPublic(screen: Screen): screen is PublicScreen {
  return screen.name === 'servizi' || screen.name === 'scheda';
}

/** Where a citizen lands after the PIN: the service chosen before the card, with "Indietro" to their room. */
export function navigationFor(service: string | null): NavigationState {
  return service ? { screen: { name: 'scheda', service }, past: [{ name: 'stanza' }] } : initialNavigation;
}

export function navigate(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case 'go':
      return { screen: action.screen, past: [...state.past, state.screen].slice(-20) };
    case 'replace':
      return { screen: action.screen, past: state.past };
    case 'back': {
      const previous = state.past[state.past.length - 1];
      return previous ? { screen: previous, past: state.past.slice(0, -1) } : state;
    }
  }
}

export type Go = (screen: Screen, options?: { replace?: boolean }) => void;
