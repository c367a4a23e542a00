import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sportello } from './platform/sportello';
import { unwrap, messageOf } from './platform/call';
import { AppContext, type AppContextValue } from './platform/app-context';
import { Header } from './shell/Header';
import { StatusBar } from './components/StatusBar';
import { SessionGate } from './session/SessionGate';
import { DeskApp } from './desk';
import { OnScreenKeyboard } from './kiosk/OnScreenKeyboard';
import { Busy } from './components/Busy';

async function loadContext(): Promise<AppContextValue> {
  const info = await unwrap(sportello.app.info({}));
  const tenants = await unwrap(sportello.catalogue.tenants({}));
  const tenant = tenants.find((x) => x.slug === info.comune.id) ?? tenants[0];
  if (!tenant) throw new Error('Il catalogo dei servizi del comune non è disponibile.');
  return { info, tenant: tenant.slug, kiosk: info.mode === 'kiosk' };
}

export function App() {
  const { t, i18n } = useTranslation();
  const [context, setContext] = useState<AppContextValue | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadContext().then(setContext, (e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  return (
    <div className={`app d-flex flex-column min-vh-100 mode-${context?.info.mode ?? 'home'}`}>
      <Header comune={context?.info.comune.nome ?? null} />
      <main className="flex-grow-1" id="contenuto">
        {error && <div className="alert alert-danger m-4" role="alert">{t('app.errore', { message: error })}</div>}
        {!context && !error && <div className="container"><Busy label={t('app.caricamento')} /></div>}
        {context && (
          <AppContext.Provider value={context}>
            {context.info.mode === 'desk' ? <DeskApp /> : <SessionGate />}
            {context.kiosk && <OnScreenKeyboard />}
          </AppContext.Provider>
        )}
      </main>
      <StatusBar demo={context?.info.demo ?? false} />
    </div>
  );
}
