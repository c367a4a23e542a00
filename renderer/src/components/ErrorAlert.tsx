import { Alert } from 'design-react-kit';
import { useTranslation } from 'react-i18next';

/** An error as the core wrote it (Italian, for a person), announced to screen readers. */
export function ErrorAlert({ message }: { message: string | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert color="danger" role="alert" data-testid="errore">
      {t('app.errore', { message })}
    </Alert>
  );
}
