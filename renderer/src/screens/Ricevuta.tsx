import { useTranslation } from 'react-i18next';
import type { Go } from '../navigation/navigation';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../components/dates';
import { useApp } from '../platform/app-context';
import { usePrintPdf } from '../platform/use-print';
import { quando } from './AppuntamentiPratica';

/** Proof of submission on screen, to print (or save as PDF from the print dialog). */
export function Ricevuta({ praticaId, go }: { praticaId: string; go: Go }) {
  const { t } = useTranslation();
  const { kiosk } = useApp();
  const load = useLoad(() => unwrap(sportello.pratiche.get({ id: praticaId })), [praticaId]);
  const printing = usePrintPdf();
  const { printed } = printing;
  const action = { busy: printing.busy, error: printing.error };
  const print = () => printing.print(() => unwrap(sportello.pratiche.receipt({ id: praticaId, formato: kiosk ? '80mm' : 'a4' })));
  if (load.error) return <ErrorAlert message={load.error} />;
  if (!load.data) return <Busy />;
  const p = load.data;
  const rows: [string, string][] = [
    [t('ricevuta.servizio'), p.service.name],
    [t('ricevuta.richiedente'), `${p.richiedente.nome} ${p.richiedente.cognome} (${p.richiedente.codiceFiscale})`],
    [t('ricevuta.identificativo'), p.id],
    [t('ricevuta.inviata'), formatDate(p.submittedAt, true)],
    [t('ricevuta.stato'), p.statusLabel],
    ...(p.prenotazione ? [[t('ricevuta.appuntamento'), `${quando(p.prenotazione)} (${t('ricevuta.da-confermare')})`] as [string, string]] : []),
  ];
  return (
    <section className="receipt">
      <ScreenTitle testId="titolo-ricevuta">{t('ricevuta.titolo')}</ScreenTitle>
      <div className="alert alert-success" role="status"><p className="mb-0 fs-5" data-testid="ricevuta-esito">{t('ricevuta.inviata-testo')}</p></div>
      <dl className="row" data-testid="ricevuta">
        {rows.map(([label, value]) => (
          <div key={label} className="col-12 col-md-6 mb-2">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>{t('ricevuta.coda')}</p>
      <ErrorAlert message={action.error} />
      {printed && <p className="alert alert-success" role="status">{t('ricevuta.stampata')}</p>}
      <div className="d-flex gap-3 flex-wrap no-print">
        <button type="button" className="btn btn-primary btn-lg" disabled={action.busy} onClick={() => void print()} data-testid="stampa-ricevuta">{t('ricevuta.stampa')}</button>
        <button type="button" className="btn btn-outline-primary btn-lg" onClick={() => go({ name: 'pratiche' })}>{t('menu.pratiche')}</button>
      </div>
    </section>
  );
}
