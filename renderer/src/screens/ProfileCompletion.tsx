import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../components/ScreenTitle';
import { ProfileForm } from '../components/ProfileForm';
import type { Contatti } from '../../../electron/shared/contract/pratiche';

/** First visit: the card gives name and codice fiscale; the comune also needs a way to reach the citizen. */
export function ProfileCompletion({ profile, onDone }: { profile: Contatti; onDone(): void }) {
  const { t } = useTranslation();
  return (
    <section className="container py-4">
      <ScreenTitle testId="titolo-completa-profilo">{t('profilo.completa-titolo')}</ScreenTitle>
      <p className="fs-5">{t('profilo.completa-testo')}</p>
      <ProfileForm initial={profile} submitLabel={t('profilo.salva-continua')} onSaved={onDone} />
      <button type="button" className="btn btn-link mt-3" onClick={onDone} data-testid="profilo-dopo">{t('profilo.dopo')}</button>
    </section>
  );
}
