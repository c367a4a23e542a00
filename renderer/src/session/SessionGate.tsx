import { useCallback, useEffect, useRef, useState } from 'react';
import i18next from 'i18next';
import { useApp } from '../platform/app-context';
import { useCardSession } from './use-card-session';
import { useIdleTimeout } from './use-idle-timeout';
import { IdleWarning } from './IdleWarning';
import { wipeCitizenTraces } from './wipe';
import { Attract } from '../screens/Attract';
import { PinEntry } from '../screens/PinEntry';
import { SessionEnded } from '../screens/SessionEnded';
import { CitizenApp } from '../citizen/CitizenApp';
import { AttivaCarta } from '../desk';
import { Busy } from '../components/Busy';
import { useTranslation } from 'react-i18next';
import { freshPage, sportello } from '../platform/sportello';

/**
 * Who may see what. No card: the attract screen. A card read: the PIN. PIN verified:
 * the citizen's screens, mounted under a key that changes when the session ends, so
 * nothing of a citizen (React state, DOM) survives them. When the session ends while
 * the card is still in (idle timeout, "Esci"), the screens stay locked until the card
 * is taken out: a new session needs the card inserted again.
 *
 * When the card comes out the whole page is replaced (`freshPage`): remounting clears React
 * state, but only a new page drops every script, listener and global the previous citizen's
 * forms may have left. The next citizen therefore always starts in a page of their own.
 */
export function SessionGate() {
  const { info, kiosk } = useApp();
  const session = useCardSession();
  const [generation, setGeneration] = useState(0);
  const [ended, setEnded] = useState(false);
  const [activating, setActivating] = useState(false);
  // Once a card has been seen, this page serves only that citizen: when it comes out the page is
  // replaced, and until then it shows nothing else (not even the attract screen) for one render.
  const [cardSeen, setCardSeen] = useState(false);
  const { t } = useTranslation();
  const state = session?.state ?? 'nessuna-carta';
  const previous = useRef(state);

  const wipe = useCallback(() => {
    setGeneration((g) => g + 1);
    void wipeCitizenTraces();
    if (kiosk) void i18next.changeLanguage('it');
  }, [kiosk]);

  const endSession = useCallback(() => {
    setEnded(true);
    setActivating(false);
    wipe();
    // Core stops answering for this citizen too, not just the screens.
    void sportello.card.endSession({});
  }, [wipe]);

  useEffect(() => {
    if (state === 'nessuna-carta') {
      if (previous.current !== 'nessuna-carta') {
        wipe();
        void freshPage();
      }
      setEnded(false);
      setActivating(false);
    }
    if (state !== 'nessuna-carta') setCardSeen(true);
    previous.current = state;
  }, [state, wipe]);

  const inSession = !ended && (state === 'identificata' || state === 'autenticata');
  const secondsLeft = useIdleTimeout(kiosk && inSession, info.idleTimeoutSeconds, endSession);

  let screen;
  if (cardSeen && state === 'nessuna-carta') screen = <Busy label={t('app.chiusura-sessione')} />;
  else if (ended && state !== 'nessuna-carta') screen = <SessionEnded />;
  else if (activating && (state === 'identificata' || state === 'autenticata')) screen = <AttivaCarta key={generation} onDone={() => setActivating(false)} />;
  else if (state === 'identificata' && session) screen = <PinEntry key={generation} session={session} onActivate={() => setActivating(true)} />;
  else if (state === 'autenticata' && session) screen = <CitizenApp key={generation} session={session} onExit={endSession} />;
  else screen = <Attract session={session} />;

  return (
    <>
      {screen}
      <IdleWarning secondsLeft={inSession ? secondsLeft : null} />
    </>
  );
}
