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
import { EsploraServizi } from './EsploraServizi';
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
  // Before the card: browsing the public catalogue, and the service chosen there to start once the PIN is verified.
  const [esplora, setEsplora] = useState(false);
  const [servizio, setServizio] = useState<{ slug: string; name: string } | null>(null);
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
  const browsing = state === 'nessuna-carta' && !cardSeen && (esplora || servizio !== null);
  const leaveBrowsing = useCallback(() => {
    setEsplora(false);
    setServizio(null);
  }, []);
  const chooseService = useCallback((chosen: { slug: string; name: string }) => setServizio(chosen), []);
  const openBrowsing = useCallback(() => {
    setServizio(null);
    setEsplora(true);
  }, []);
  // A kiosk left while browsing goes back to the attract screen, as a session does.
  const secondsLeft = useIdleTimeout(kiosk && (inSession || browsing), info.idleTimeoutSeconds, inSession ? endSession : leaveBrowsing);

  let screen;
  if (cardSeen && state === 'nessuna-carta') screen = <Busy label={t('app.chiusura-sessione')} />;
  else if (ended && state !== 'nessuna-carta') screen = <SessionEnded />;
  else if (activating && (state === 'identificata' || state === 'autenticata')) screen = <AttivaCarta key={generation} onDone={() => setActivating(false)} />;
  else if (state === 'identificata' && session) screen = <PinEntry key={generation} session={session} onActivate={() => setActivating(true)} />;
  else if (state === 'autenticata' && session) screen = <CitizenApp key={generation} session={session} servizio={servizio?.slug ?? null} onExit={endSession} />;
  else if (state === 'nessuna-carta' && esplora && !servizio) screen = <EsploraServizi onHome={leaveBrowsing} onAccedi={chooseService} />;
  else screen = <Attract session={session} servizio={servizio?.name ?? null} onEsplora={openBrowsing} />;

  return (
    <>
      {screen}
      <IdleWarning secondsLeft={inSession || browsing ? secondsLeft : null} />
    </>
  );
}
