import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Go } from '../navigation/navigation';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { Breadcrumb, tappePratiche } from '../shell/Breadcrumb';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../components/dates';
import { useAction } from '../platform/use-load';
import { saveFile } from '../platform/download';
import { dimensioneLeggibile } from '../../../electron/shared/dimensione-file';
import { Conversazione } from './Conversazione';
import { PagamentoPratica } from './PagamentoPratica';
import { AppuntamentiPratica } from './AppuntamentiPratica';
import { PrenotazioneChiesta } from './PrenotazioneChiesta';
import { Verdetto } from '../components/Verdetto';
import { DatiInviati } from './DatiInviati';

type Documento = 'modulo' | 'modulo-firmato';

/** One pratica: its state, what was sent (module, data, attachments), the iter with dates, and what the comune said. */
export function DettaglioPratica({ praticaId, go }: { praticaId: string; go: Go }) {
  const { t } = useTranslation();
  const load = useLoad(() => unwrap(sportello.pratiche.get({ id: praticaId })), [praticaId]);
  const { reload } = load;
  // The portal moved it on (status, protocol number, outcome): shown as it happens.
  useEffect(() => sportello.on('sync.pratica', (e) => e.praticaId === praticaId && reload()), [praticaId, reload]);
  const action = useAction();
  const download = async (tipo: Documento | 'esito', fileId?: string) => {
    const file = await action.run(() => unwrap(sportello.pratiche.document({ id: praticaId, tipo, ...(fileId ? { fileId } : {}) })));
    if (file) saveFile(file.contentBase64, file.nomeFile, file.mimeType);
  };
  if (load.error) return <ErrorAlert message={load.error} />;
  if (!load.data) return <Busy />;
  const p = load.data;
  const documenti: Documento[] = ['modulo', 'modulo-firmato'];
  // The outcome is offered once the comune sent its files (core keeps them: status-pull), never before, each with its signature's verdict.
  const esiti = p.portale?.outcomeFiles ?? [];
  return (
    <section>
      <Breadcrumb tappe={tappePratiche(t)} current={p.service.name} go={go} />
      <ScreenTitle testId="titolo-dettaglio">{p.service.name}</ScreenTitle>
      <p className="fs-5">
        {t('dettaglio.stato')}: <span className="badge bg-primary fs-6" data-testid="dettaglio-stato">{p.statusLabel}</span>
      </p>
      {p.description && <p>{p.description}</p>}
      <dl className="row">
        <div className="col-12 col-md-4"><dt>{t('ricevuta.identificativo')}</dt><dd>{p.id}</dd></div>
        <div className="col-12 col-md-4"><dt>{t('dettaglio.creata')}</dt><dd>{formatDate(p.createdAt, true)}</dd></div>
        <div className="col-12 col-md-4"><dt>{t('ricevuta.inviata')}</dt><dd>{p.submittedAt ? formatDate(p.submittedAt, true) : t('dettaglio.non-inviata')}</dd></div>
        {p.submittedAt && (
          <div className="col-12 col-md-4">
            <dt>{t('dettaglio.protocollo')}</dt>
            <dd data-testid="numero-protocollo">
              {p.portale?.protocolNumber
                ? `${p.portale.protocolNumber}${p.portale.protocolledAt ? ` · ${formatDate(p.portale.protocolledAt, true)}` : ''}`
                : t('dettaglio.protocollo-in-attesa')}
            </dd>
          </div>
        )}
        {p.portale?.outcomeMotivation && (
          <div className="col-12 col-md-8"><dt>{t('dettaglio.esito')}</dt><dd data-testid="esito">{p.portale.outcomeMotivation}</dd></div>
        )}
      </dl>
      {/* What the comune waits for comes first. */}
      {p.portale?.pagamento && <PagamentoPratica praticaId={p.id} pagamento={p.portale.pagamento} />}
      {p.prenotazione && <PrenotazioneChiesta prenotazione={p.prenotazione} serviceSlug={p.service.slug} go={go} />}
      {(p.portale?.appuntamenti.length ?? 0) > 0 && <AppuntamentiPratica praticaId={p.id} appuntamenti={p.portale!.appuntamenti} onChanged={load.replace} />}
      {/* What was sent, on the first screen (the module first, then its data and files): the iter can run long. */}
      {p.group !== 'bozza' && (
        <div className="d-flex flex-wrap gap-3 mb-4">
          {documenti.map((tipo) => (
            <button key={tipo} type="button" className="btn btn-outline-primary" disabled={action.busy} onClick={() => void download(tipo)} data-testid={`scarica-${tipo}`}>
              {t(`dettaglio.scarica.${tipo}`)}
            </button>
          ))}
        </div>
      )}
      {p.group !== 'bozza' && <DatiInviati pratica={p} />}
      {p.group !== 'bozza' && p.attachmentSlots.some((s) => s.files.length > 0) && (
        <>
          <h2 className="h4">{t('dettaglio.allegati')}</h2>
          <ul className="list-group mb-4" data-testid="allegati-inviati">
            {p.attachmentSlots.flatMap((s) => s.files.map((f) => (
              <li key={`${s.key}-${f.id}`} className="list-group-item">
                <span className="fw-semibold">{s.label}</span>: {f.name} · {dimensioneLeggibile(f.size)}
              </li>
            )))}
          </ul>
        </>
      )}
      <h2 className="h4">{t('dettaglio.iter')}</h2>
      <ol className="list-group list-group-numbered mb-4" data-testid="iter">
        {p.history.map((h, i) => (
          <li key={i} className="list-group-item">
            <span className="fw-semibold">{h.label}</span> · {formatDate(h.at, true)}
            {h.message && <span className="d-block">{h.message}</span>}
          </li>
        ))}
      </ol>
      {esiti.length > 0 && (
        <section className="mb-4" aria-labelledby="titolo-esito">
          <h2 className="h4" id="titolo-esito">{t('dettaglio.documenti-esito')}</h2>
          <ul className="list-group">
            {esiti.map((f) => (
              <li key={f.id} className="list-group-item" data-testid="file-esito">
                <p className="fw-semibold mb-1">{f.name}</p>
                {f.firma ? <Verdetto firma={f.firma} /> : <p className="mb-1">{t('dettaglio.non-firmato')}</p>}
                <button type="button" className="btn btn-outline-primary mt-1" disabled={action.busy} onClick={() => void download('esito', f.id)} data-testid="scarica-esito">
                  {t('dettaglio.scarica.esito')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ErrorAlert message={action.error} />
      {p.submittedAt && <Conversazione praticaId={p.id} />}
      {p.group === 'bozza' && (
        <button type="button" className="btn btn-primary btn-lg" onClick={() => go({ name: 'wizard', praticaId: p.id })}>{t('pratiche.riprendi')}</button>
      )}
    </section>
  );
}
