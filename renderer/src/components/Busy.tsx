import { useTranslation } from 'react-i18next';

/** Progress for long work: an indeterminate bar with a spoken label. */
export function Busy({ label }: { label?: string }) {
  const { t } = useTranslation();
  const text = label ?? t('app.attendere');
  return (
    <div className="my-4" role="status" aria-live="polite" data-testid="in-corso">
      <p className="mb-2">{text}</p>
      <div className="progress progress-indeterminate">
        <span className="visually-hidden">{text}</span>
        <div className="progress-bar" role="progressbar" aria-label={text} />
      </div>
    </div>
  );
}
