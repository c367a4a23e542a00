import { useTranslation } from 'react-i18next';
import { IDLE_WARNING_SECONDS } from '../../../electron/shared/contract/app';

/**
 * The visible countdown of an idle kiosk session, for its last IDLE_WARNING_SECONDS (at
 * least 20, WCAG 2.2.1); "Continua", like any touch or key, keeps the session going.
 */
export function IdleWarning({ secondsLeft }: { secondsLeft: number | null }) {
  const { t } = useTranslation();
  if (secondsLeft === null || secondsLeft > IDLE_WARNING_SECONDS) return null;
  return (
    <div className="idle-backdrop">
      <div className="idle-dialog bg-white p-5 rounded shadow text-center" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
        <h2 id="idle-title" className="h3">{t('inattivita.titolo')}</h2>
        <p id="idle-text" className="fs-4" data-testid="conto-alla-rovescia">{t('inattivita.testo', { count: secondsLeft })}</p>
        <button type="button" className="btn btn-primary btn-lg" autoFocus>{t('inattivita.continua')}</button>
      </div>
    </div>
  );
}
