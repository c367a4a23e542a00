import { useTranslation } from 'react-i18next';

/** After an idle timeout or "Esci" with the card still in the reader: take it out. */
export function SessionEnded() {
  const { t } = useTranslation();
  return (
    <section className="fine-sessione container py-5 text-center" aria-labelledby="fine-title">
      <h1 id="fine-title" className="display-6 fw-semibold mb-4" data-testid="sessione-terminata">{t('fine.titolo')}</h1>
      <p className="fs-3">{t('fine.rimuovi')}</p>
    </section>
  );
}
