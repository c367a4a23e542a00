import { useTranslation } from 'react-i18next';

/** How long before the end the countdown becomes visible. */
export const WARNING_SECONDS = 10;

/** The visible countdown of an idle kiosk session; any touch keeps the session going. */
export function IdleWarning({ secondsLeft }: { secondsLeft: number | null }) {
  const { t } = useTranslation();
  if (secondsLeft === null || secondsLeft > WARNING_SECONDS) return null;
  return (
    <div className="idle-backdrop">
      <div className="idle-dialog bg-white p-5 rounded shadow text-center" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
        <h2 id="idle-title" className="h3">{t('inattivita.titolo')}</h2>
        <p id="idle-text" className="fs-4" data-testid="conto-alla-rovescia">{t('inattivita.testo', { count: secondsLeft })}</p>
        <button type="button" className="btn btn-primary btn-lg">{t('inattivita.continua')}</button>
      </div>
    </div>
  );
}
