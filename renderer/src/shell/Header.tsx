import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/** The comune's name and the language switch, on every screen. */
export function Header({ comune }: { comune: string | null }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <header className="it-header-center-wrapper bg-primary text-white px-4 py-3 d-flex align-items-center justify-content-between">
      <p className="h3 mb-0 text-white" data-testid="nome-comune">{comune ?? t('app.title')}</p>
      <div className="d-flex align-items-center gap-2">
        <label htmlFor={id} className="text-white mb-0 fw-semibold lingua-label">{t('app.lingua')}</label>
        <select id={id} className="form-select lingua-select" data-testid="lingua" value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng}>{t(`lingue.${lng}`)}</option>
          ))}
        </select>
      </div>
    </header>
  );
}
