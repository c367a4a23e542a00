import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sportello } from './platform/sportello';
import type { AppInfo } from './platform/app-info';
import { Attract } from './screens/Attract';
import { StatusBar } from './components/StatusBar';
import { LANGUAGES } from './i18n';

export function App() {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void sportello.app.info({}).then((result) => (result.ok ? setInfo(result.value) : setError(result.error.message)));
  }, []);

  return (
    <div className={`app d-flex flex-column min-vh-100 mode-${info?.mode ?? 'home'}`}>
      <header className="it-header-center-wrapper bg-primary text-white px-4 py-3 d-flex align-items-center justify-content-between">
        <p className="h3 mb-0 text-white" data-testid="nome-comune">{info ? info.comune.nome : t('app.title')}</p>
        <label className="d-flex align-items-center gap-2 text-white">
          <span>{t('app.lingua')}</span>
          <select className="form-select form-select-sm" value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
            {LANGUAGES.map((lng) => (
              <option key={lng} value={lng}>{lng.toUpperCase()}</option>
            ))}
          </select>
        </label>
      </header>
      <main className="flex-grow-1" id="contenuto">
        {error && <div className="alert alert-danger m-4" role="alert">{t('app.errore', { message: error })}</div>}
        {!info && !error && <p className="m-4" role="status">{t('app.caricamento')}</p>}
        {info && <Attract info={info} />}
      </main>
      <StatusBar />
    </div>
  );
}
