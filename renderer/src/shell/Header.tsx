import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';
import { Stemma } from './Stemma';

/**
 * The header of Designers Italia's "Modello Comuni", kept compact: a slim bar naming the service
 * and holding the language switch, then the comune's coat of arms and name. No links out: a kiosk
 * has no other site to go to. Its height is bounded (layout.css) so the page's primary action
 * stays on screen at 1024x768 and above the on-screen keyboard.
 */
export function Header({ comune, stemma }: { comune: string | null; stemma: string | null }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const nome = comune ?? t('app.title');
  return (
    <header className="intestazione" data-testid="intestazione">
      <div className="it-header-slim-wrapper intestazione-sottile px-4 d-flex align-items-center justify-content-between gap-3">
        <p className="mb-0 text-white fw-semibold" data-testid="ente">{t('intestazione.sportello')}</p>
        <div className="d-flex align-items-center gap-2">
          <label htmlFor={id} className="text-white mb-0 fw-semibold lingua-label">{t('app.lingua')}</label>
          <select id={id} className="form-select lingua-select" data-testid="lingua" value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
            {LANGUAGES.map((lng) => (
              <option key={lng} value={lng}>{t(`lingue.${lng}`)}</option>
            ))}
          </select>
        </div>
      </div>
      <div className="it-header-center-wrapper intestazione-centro bg-primary text-white px-4 d-flex align-items-center gap-3">
        <Stemma label={t('intestazione.stemma', { comune: nome })} comune={nome} immagine={stemma} />
        <p className="intestazione-comune mb-0 text-white fw-bold" data-testid="nome-comune">{nome}</p>
      </div>
    </header>
  );
}
