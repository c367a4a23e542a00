import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StampaDocumento } from '../../../electron/shared/contract/documenti-comune';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { usePrintPdf } from '../platform/use-print';
import { ErrorAlert } from '../components/ErrorAlert';

/**
 * "Stampa" for one of the comune's documents at the kiosk or desk: core fetches it from the portal for this
 * print only (nothing stays on the device) and hands over the PDF, a .p7m's content included. A document that
 * does not print says so before anyone tries. Stampa stands first, beside the row's other action (`scarica`).
 */
export function StampaDocumentoComune({ documentoId, stampa, scarica }: { documentoId: string; stampa: StampaDocumento; scarica: ReactNode }) {
  const { t } = useTranslation();
  const printing = usePrintPdf();
  const print = () => printing.print(() => unwrap(sportello.pratiche['documenti.daStampare']({ documentoId })));
  return (
    <>
      <span className="d-flex flex-wrap gap-2">
        {stampa !== 'non-pdf' && (
          <button type="button" className="btn btn-primary" disabled={printing.busy} onClick={() => void print()} data-testid="stampa-documento-comune">
            {t('documenti-comune.stampa')}
          </button>
        )}
        {scarica}
      </span>
      {stampa === 'non-pdf' && <p className="small mb-0 w-100" data-testid="documento-non-stampabile">{t('documenti-comune.non-stampabile')}</p>}
      {stampa === 'busta-firmata' && <p className="small mb-0 w-100" data-testid="stampa-contenuto-firmato">{t('documenti-comune.stampa-contenuto-firmato')}</p>}
      <div className="w-100" role="status" aria-live="polite" aria-busy={printing.busy} data-testid="esito-stampa-documento">
        {printing.busy && <p className="mt-2 mb-0">{t('documenti-comune.stampa-in-corso')}</p>}
        {printing.printed && <p className="alert alert-success mt-2 mb-0">{t('documenti-comune.stampato')}</p>}
        {printing.saved && <p className="alert alert-info mt-2 mb-0">{t('documenti-comune.senza-stampante')}</p>}
      </div>
      {printing.error && <div className="w-100"><ErrorAlert message={printing.error} /></div>}
    </>
  );
}
