import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EsitoRilascioView } from '../../../electron/shared/contract/desk';
import { ErrorAlert } from '../components/ErrorAlert';
import { saveFile } from '../platform/download';
import { usePrintPdf } from '../platform/use-print';
import { DESK_NS } from './i18n';

/**
 * The 2 + 2 digits, large and hidden until "Mostra", and the slip to print or save. Closing
 * drops the answer from memory: the digits cannot be shown again.
 */
export function EsitoRilascio({ esito, onChiudi }: { esito: EsitoRilascioView; onChiudi(): void }) {
  const { t } = useTranslation(DESK_NS);
  const [visibili, setVisibili] = useState(false);
  const stampa = usePrintPdf();

  const foglio = { pdfBase64: esito.foglioPdfBase64, nomeFile: `consegna-pin-${esito.releaseId}.pdf`, jobName: 'Consegna PIN' };
  const salva = () => saveFile(foglio.pdfBase64, foglio.nomeFile, 'application/pdf');

  const cifra = (value: string, testId: string) => (
    <span className="display-3 fw-bold font-monospace" data-testid={testId} aria-live="polite">
      {visibili ? value : t('esito.nascoste')}
    </span>
  );

  return (
    <section aria-labelledby="esito-titolo" data-testid="desk-esito">
      <h2 id="esito-titolo" className="h4">{t('esito.titolo')}</h2>
      <p>{t('esito.istruzione')}</p>
      <div className="row text-center my-4">
        <div className="col">
          <p className="mb-1">{t('esito.pin')}</p>
          {cifra(esito.cifre.pin, 'desk-cifre-pin')}
        </div>
        <div className="col">
          <p className="mb-1">{t('esito.puk')}</p>
          {cifra(esito.cifre.puk, 'desk-cifre-puk')}
        </div>
      </div>
      <button type="button" className="btn btn-outline-primary mb-3" onClick={() => setVisibili((v) => !v)} data-testid="desk-mostra">
        {visibili ? t('esito.nascondi') : t('esito.mostra')}
      </button>
      <p>{t('esito.inviato', { destinazione: esito.destinazioneMascherata })}</p>
      <p className="small text-muted">{t('esito.riferimento', { id: esito.releaseId })}</p>
      <ErrorAlert message={stampa.error} />
      {stampa.printed && <p role="status">{t('esito.stampato')}</p>}
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary" onClick={() => void stampa.print(() => Promise.resolve(foglio))} data-testid="desk-stampa">{t('esito.stampa')}</button>
        <button type="button" className="btn btn-outline-primary" onClick={salva} data-testid="desk-salva">
          {t('esito.salva')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onChiudi} data-testid="desk-chiudi-esito">{t('esito.chiudi')}</button>
      </div>
    </section>
  );
}
