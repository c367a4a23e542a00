import { useTranslation } from 'react-i18next';
import type { PraticaView } from '../../../electron/shared/contract/pratiche';
import { useApp } from '../platform/app-context';
import { formatDate } from '../components/dates';
import { ErrorAlert } from '../components/ErrorAlert';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { usePrintPdf } from '../platform/use-print';

type Pagamento = NonNullable<NonNullable<PraticaView['portale']>['pagamento']>;

/** "16,50 €": cents as an Italian amount. */
const euro = (centesimi: number): string => (centesimi / 100).toLocaleString('it-IT', { style: 'currency', currency: 'EUR' });

/** The codice avviso in groups of four, as pagoPA prints it on the notice: easier to read out and to type. */
const inGruppi = (codice: string): string => codice.replace(/(\d{4})(?=\d)/g, '$1 ');

/**
 * The pagoPA payment the comune asks for: what, how much, by when, with the codice avviso to pay
 * anywhere pagoPA is accepted; at home, the portal's link to pay online. No card data ever passes
 * through the app: the citizen pays on pagoPA's side, and the state comes back from the portal.
 */
export function PagamentoPratica({ praticaId, pagamento: p }: { praticaId: string; pagamento: Pagamento }) {
  const { t } = useTranslation();
  const { kiosk } = useApp();
  const avviso = usePrintPdf();
  return (
    <section className={`mb-4 p-3 border rounded ${p.stato === 'da-pagare' ? 'border-warning border-2' : ''}`} aria-labelledby="titolo-pagamento" data-testid="pagamento">
      <h2 className="h4" id="titolo-pagamento">{t('pagamento.titolo')}</h2>
      <p className="fw-semibold" data-testid="stato-pagamento">{t(`pagamento.stato.${p.stato}`)}</p>
      <dl className="row mb-2">
        {p.importoCentesimi !== null && <div className="col-12 col-md-4"><dt>{t('pagamento.importo')}</dt><dd data-testid="importo">{euro(p.importoCentesimi)}</dd></div>}
        {p.codiceAvviso && <div className="col-12 col-md-4"><dt>{t('pagamento.codice-avviso')}</dt><dd data-testid="codice-avviso">{inGruppi(p.codiceAvviso)}</dd></div>}
        {p.scadenza && <div className="col-12 col-md-4"><dt>{t('pagamento.scadenza')}</dt><dd>{formatDate(p.scadenza)}</dd></div>}
        {p.pagatoIl && <div className="col-12 col-md-4"><dt>{t('pagamento.pagato-il')}</dt><dd>{formatDate(p.pagatoIl, true)}</dd></div>}
        {p.causale && <div className="col-12"><dt>{t('pagamento.causale')}</dt><dd className="text-break">{p.causale}</dd></div>}
      </dl>
      {p.stato === 'da-pagare' && <p>{t('pagamento.come')}</p>}
      {p.stato === 'da-pagare' && (
        <div className="d-flex flex-wrap gap-3">
          {p.importoCentesimi !== null && (
            <button type="button" className="btn btn-outline-primary btn-lg" disabled={avviso.busy} data-testid="stampa-avviso"
              onClick={() => void avviso.print(() => unwrap(sportello.pratiche.avvisoPagamento({ id: praticaId, formato: kiosk ? '80mm' : 'a4' })))}>
              {kiosk ? t('pagamento.stampa-avviso') : t('pagamento.scarica-avviso')}
            </button>
          )}
          {!kiosk && p.linkOnline && (
            <a className="btn btn-primary btn-lg" href={p.linkOnline} target="_blank" rel="noopener noreferrer" data-testid="paga-online">{t('pagamento.paga-online')}</a>
          )}
        </div>
      )}
      {avviso.printed && <p className="alert alert-success mt-3" role="status" data-testid="avviso-stampato">{t('pagamento.avviso-stampato')}</p>}
      <ErrorAlert message={avviso.error} />
    </section>
  );
}
