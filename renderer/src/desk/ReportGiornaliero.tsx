import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../components/dates';
import { ErrorAlert } from '../components/ErrorAlert';
import { unwrap } from '../platform/call';
import { saveBlob, saveFile } from '../platform/download';
import { sportello } from '../platform/sportello';
import { useAction } from '../platform/use-load';
import { Campo } from './Campo';
import { CampoData } from './CampoData';
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
        <Campo id="report-giorno" label={t('report.giorno')}>
          <CampoData id="report-giorno" value={giorno} onChange={setGiorno} required placeholder={t('data.formato')} testId="desk-report-giorno" />
        </Campo>
        <button type="button" className="btn btn-primary" onClick={() => void genera()} disabled={!giorno} data-testid="desk-report-genera">{t('report.genera')}</button>
      </div>
      <ErrorAlert message={generazione.error} />
      {report && (
        <div data-testid="desk-report">
          <p>{t('report.totale', { n: report.rilasci, giorno: formatDay(giorno) })}</p>
          <p className={report.registroIntegro ? '' : 'text-danger fw-bold'}>{report.registroIntegro ? t('report.integro') : t('report.alterato')}</p>
          <div className="d-flex gap-2">
            <button type="button" className="btn btn-outline-primary" onClick={() => saveBlob(new Blob([report.csv], { type: 'text/csv' }), `rilasci-${giorno}.csv`)}>{t('report.csv')}</button>
            <button type="button" className="btn btn-outline-primary" onClick={() => saveFile(report.pdfBase64, `rilasci-${giorno}.pdf`, 'application/pdf')}>{t('report.pdf')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
