import { useTranslation } from 'react-i18next';
import type { CardSession } from '../../../electron/shared/contract/card';
import { useApp } from '../platform/app-context';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { Stemma } from '../shell/Stemma';

/**
 * The screen between citizens: insert the card (and what happened to the last one read), or
 * browse the services first. With a service chosen while browsing it asks for the card to start it.
 */
export function Attract({ session, servizio, onEsplora }: { session: CardSession | null; servizio: string | null; onEsplora(): void }) {
  const { t } = useTranslation();
  const { info, stemma } = useApp();
  return (
    <section className="attract container py-5 text-center" aria-labelledby="attract-title">
      {/* Only the comune's own image: the header already shows the plain shield. */}
      {stemma && <Stemma label={t('intestazione.stemma', { comune: info.comune.nome })} comune={info.comune.nome} immagine={stemma} className="attract-stemma mb-4" />}
      <h1 id="attract-title" className="display-5 fw-semibold mb-4">
        {servizio ? t('attract.per-iniziare') : t('attract.titolo', { comune: info.comune.nome })}
      </h1>
      {servizio && <p className="fs-3" data-testid="servizio-scelto">{t('attract.servizio-scelto', { servizio })}</p>}
      <div className="attract-card mx-auto my-5" aria-hidden="true">
        <svg viewBox="0 0 120 80" width="240" height="160">
          <rect x="4" y="4" width="112" height="72" rx="8" fill="#0066cc" />
          <rect x="16" y="26" width="22" height="18" rx="3" fill="#f2c94c" />
          <rect x="48" y="52" width="56" height="6" rx="3" fill="#ffffff" opacity="0.8" />
        </svg>
      </div>
      <p className="lead fs-2 fw-semibold" data-testid="attract-istruzione">
        {t('attract.istruzione')}
      </p>
      <p className="fs-4">{t('attract.sottotitolo')}</p>
      <p className="mt-3">
        <button type="button" className="btn btn-outline-primary btn-lg" data-testid="esplora" onClick={onEsplora}>
          {servizio ? t('esplora.torna') : t('esplora.apri')}
        </button>
      </p>
      {session?.state === 'lettura' && <Busy label={t('attract.lettura')} />}
      {session?.state === 'rifiutata' && <ErrorAlert message={session.error?.message ?? t('attract.rifiutata')} />}
      {info.demo && <p className="badge bg-secondary fs-6 mt-3">{t('attract.demo')}</p>}
    </section>
  );
}
