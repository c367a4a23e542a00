import { useTranslation } from 'react-i18next';
import type { PraticaSummary } from '../../../electron/shared/contract/pratiche';
import type { Go } from '../navigation/navigation';
import { formatDate } from './dates';

/** Pratiche as rows: a draft reopens in the wizard, anything else opens its detail. */
export function PraticheList({ pratiche, go, testId = 'elenco-pratiche' }: { pratiche: PraticaSummary[]; go: Go; testId?: string }) {
  const { t } = useTranslation();
  if (pratiche.length === 0) return <p data-testid="nessuna-pratica">{t('pratiche.nessuna')}</p>;
  return (
    <ul className="list-group" data-testid={testId}>
      {pratiche.map((p) => (
        <li key={p.id} className="list-group-item d-flex flex-wrap align-items-center justify-content-between gap-2">
          <div>
            <span className="d-block fw-semibold">{p.serviceName}</span>
            <span className="d-block">{p.description}</span>
            {p.submittedAt && <span className="d-block small" data-testid="riga-inviata">{t('pratiche.inviata-il', { data: formatDate(p.submittedAt, true) })}</span>}
            {p.prossimoAppuntamento && <span className="d-block small fw-semibold" data-testid="riga-appuntamento">{t('pratiche.appuntamento', { data: formatDate(p.prossimoAppuntamento, true) })}</span>}
            {p.prenotazione && (
              <span className={`d-block small fw-semibold${p.prenotazione.stato === 'non-disponibile' ? ' text-danger' : ''}`} data-testid="riga-prenotazione">
                {p.prenotazione.stato === 'da-confermare' ? t('pratiche.appuntamento-da-confermare', { data: formatDate(p.prenotazione.dal, true) }) : t('pratiche.appuntamento-non-disponibile')}
              </span>
            )}
            {p.protocolNumber && <span className="d-block small" data-testid="riga-protocollo">{t('pratiche.protocollo', { numero: p.protocolNumber })}</span>}
            <span className="d-block small">{t('pratiche.aggiornata', { data: formatDate(p.updatedAt, true) })}</span>
          </div>
          <div className="d-flex align-items-center gap-2">
            {p.messaggiNonLetti > 0 && (
              <span className="badge bg-danger fs-6" data-testid="messaggi-non-letti">{t('messaggi.non-letti', { count: p.messaggiNonLetti })}</span>
            )}
            <span className="badge bg-primary fs-6" data-testid="stato-pratica">{p.statusLabel}</span>
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => go(p.group === 'bozza' ? { name: 'wizard', praticaId: p.id } : { name: 'dettaglio', praticaId: p.id })}
            >
              {p.group === 'bozza' ? t('pratiche.riprendi') : t('pratiche.apri')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
