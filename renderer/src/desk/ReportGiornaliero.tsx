import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../components/dates';
import { ErrorAlert } from '../components/ErrorAlert';
import { unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { useAction } from '../platform/use-load';
import { CampoData } from './CampoData';
import { offerDownload, pdfBlob } from './download';
import { DESK_NS } from './i18n';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function ReportGiornaliero() {
  const { t } = useTranslation(DESK_NS);
  const [giorno, setGiorno] = useState(today());
  const [report, setReport] = useState<{ rilasci: number; registroIntegro: boolean; csv: string; pdfBase64: string } | null>(null);
  const generazione = useAction();

  const genera = async () => {
    const generato = await generazione.run(() => unwrap(sportello.desk.report({ giorno })));
    if (generato) setReport(generato);
  };

  return (
    <section aria-labelledby="report-titolo">
      <h2 id="report-titolo" className="h4">{t('report.titolo')}</h2>
      <div className="d-flex gap-2 align-items-end mb-3">
        <div>
          <label htmlFor="report-giorno" className="form-label active">{t('report.giorno')}</label>
          <CampoData id="report-giorno" value={giorno} onChange={setGiorno} required placeholder={t('data.formato')} testId="desk-report-giorno" />
        </div>
        <button type="button" className="btn btn-primary" onClick={() => void genera()} disabled={!giorno} data-testid="desk-report-genera">{t('report.genera')}</button>
      </div>
      <ErrorAlert message={generazione.error} />
      {report && (
        <div data-testid="desk-report">
          <p>{t('report.totale', { n: report.rilasci, giorno: formatDay(giorno) })}</p>
          <p className={report.registroIntegro ? '' : 'text-danger fw-bold'}>{report.registroIntegro ? t('report.integro') : t('report.alterato')}</p>
          <div className="d-flex gap-2">
            <button type="button" className="btn btn-outline-primary" onClick={() => offerDownload(`rilasci-${giorno}.csv`, new Blob([report.csv], { type: 'text/csv' }))}>{t('report.csv')}</button>
            <button type="button" className="btn btn-outline-primary" onClick={() => offerDownload(`rilasci-${giorno}.pdf`, pdfBlob(report.pdfBase64))}>{t('report.pdf')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
