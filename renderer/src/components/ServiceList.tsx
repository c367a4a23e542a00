import { useTranslation } from 'react-i18next';
import type { ServiceSummary } from '../../../electron/shared/contract/catalogue';
import type { Go } from '../navigation/navigation';

/** Services as large touch cards; each opens its service sheet. */
export function ServiceList({ services, go, testId }: { services: ServiceSummary[]; go: Go; testId?: string }) {
  const { t } = useTranslation();
  if (services.length === 0) return <p>{t('servizi.nessuno')}</p>;
  return (
    <ul className="list-unstyled row g-3" data-testid={testId}>
      {services.map((s) => (
        <li key={s.slug} className="col-12 col-md-6 col-lg-4">
          <button type="button" className="service-tile btn btn-outline-primary w-100 h-100 text-start p-3" data-testid={`servizio-${s.slug}`} onClick={() => go({ name: 'scheda', service: s.slug })}>
            <span className="d-block fw-semibold fs-5">{s.name}</span>
            <span className="d-block service-tile-text">{s.shortDescription}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
