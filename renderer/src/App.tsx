import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sportello } from './platform/sportello';
import { unwrap, messageOf } from './platform/call';
import { AppContext, type AppContextValue } from './platform/app-context';
import { Header } from './shell/Header';
import { Footer } from './shell/Footer';
import { StatusBar } from './components/StatusBar';
import { SessionGate } from './session/SessionGate';
import { DeskApp } from './desk';
import { OnScreenKeyboard } from './kiosk/OnScreenKeyboard';
import { Busy } from './components/Busy';

/** The context, or null while the catalogue has not come from the portal yet (a first start). */
async function loadContext(): Promise<AppContextValue | null> {
  const info = await unwrap(sportello.app.info({}));
  const tenants = await unwrap(sportello.catalogue.tenants({}));
  const tenant = tenants.find((x) => x.slug === info.comune.id) ?? tenants[0];
  if (!tenant) return null;
  const stemma = await unwrap(sportello.catalogue.stemma({ tenant: tenant.slug }));
  return { info, tenant: tenant.slug, kiosk: info.mode === 'kiosk', stemma: stemma?.immagine ?? null };
}

/** Longest wait between two looks for the catalogue; every sync cycle also looks at once. */
const CATALOGUE_RETRY_MAX_MS = 30_000;

export function App() {
  const { t, i18n } = useTranslation();
  const [context, setContext] = useState<AppContextValue | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [waitingCatalogue, setWaitingCatalogue] = useState(false);

  useEffect(() => {
    let live = true;
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = 1_000;
    // On a first start with a portal the catalogue arrives with the first sync cycle: keep looking, never give up on a page that loaded too early.
    const attempt = () => {
      clearTimeout(timer);
      loadContext().then(
        (loaded) => {
          if (!live || done) return;
          if (loaded) {
            done = true;
            setWaitingCatalogue(false);
            setContext(loaded);
            return;
          }
          setWaitingCatalogue(true);
          timer = setTimeout(attempt, delay);
          delay = Math.min(delay * 2, CATALOGUE_RETRY_MAX_MS);
        },
        (e: unknown) => live && setError(messageOf(e)),
      );
    };
    const off = sportello.on('sync.status', () => live && !done && attempt());
    attempt();
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, []);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  return (
    <div className={`app d-flex flex-column min-vh-100 mode-${context?.info.mode ?? 'home'}`}>
      <Header comune={context?.info.comune.nome ?? null} stemma={context?.stemma ?? null} />
      <main className="flex-grow-1" id="contenuto">
        {error && <div className="alert alert-danger m-4" role="alert">{t('app.errore', { message: error })}</div>}
        {!context && !error && <div className="container"><Busy label={t(waitingCatalogue ? 'app.attesa-catalogo' : 'app.caricamento')} /></div>}
        {/* Start-up notices (an archive restored from a copy) are for staff: a kiosk's citizen does not see them. */}
        {context && !context.kiosk && context.info.avvisi.map((avviso) => (
          <div key={avviso} className="alert alert-warning m-4" role="alert" data-testid="avviso-avvio">
            <strong>{t('app.avviso-assistenza')}:</strong> {avviso}
          </div>
        ))}
        {context && (
          <AppContext.Provider value={context}>
            {context.info.mode === 'desk' ? <DeskApp /> : <SessionGate />}
            {context.kiosk && <OnScreenKeyboard />}
          </AppContext.Provider>
        )}
      </main>
      {context && <Footer tenant={context.tenant} comune={context.info.comune.nome} portale={context.info.portal.url} stemma={context.stemma} />}
      <StatusBar demo={context?.info.demo ?? false} />
    </div>
  );
}
