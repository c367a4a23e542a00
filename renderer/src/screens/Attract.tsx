import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../platform/app-info';

/** The screen a kiosk shows between citizens: insert the card. */
export function Attract({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <section className="attract container py-5 text-center" aria-labelledby="attract-title">
      <h1 id="attract-title" className="display-5 fw-semibold mb-4">
        {t('attract.titolo', { comune: info.comune.nome })}
      </h1>
      <div className="attract-card mx-auto my-5" aria-hidden="true">
        <svg viewBox="0 0 120 80" width="240" height="160" role="presentation">
          <rect x="4" y="4" width="112" height="72" rx="8" fill="#0066cc" />
          <rect x="16" y="26" width="22" height="18" rx="3" fill="#f2c94c" />
          <rect x="48" y="52" width="56" height="6" rx="3" fill="#ffffff" opacity="0.8" />
        </svg>
      </div>
      <p className="lead fs-2 fw-semibold" data-testid="attract-istruzione">
        {t('attract.istruzione')}
      </p>
      <p className="fs-4">{t('attract.sottotitolo')}</p>
      {info.demo && <p className="badge bg-secondary fs-6 mt-3">{t('attract.demo')}</p>}
    </section>
  );
}
