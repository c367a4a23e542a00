import { useTranslation } from 'react-i18next';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction, useLoad } from '../platform/use-load';
import { saveFile } from '../platform/download';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../components/dates';
import { useApp } from '../platform/app-context';
import { StampaDocumentoComune } from './StampaDocumentoComune';

/**
 * The documents the comune issued to the citizen, read from the portal while they are here; each downloadable,
 * and printable where the installation prints (kiosk, desk): at home the citizen downloads.
 */
export function DocumentiComune() {
  const { t } = useTranslation();
  const stampa = useApp().info.mode !== 'home';
  const load = useLoad(() => unwrap(sportello.pratiche['documenti.list']({})), []);
  const action = useAction();
  const download = async (documentoId: string) => {
    const file = await action.run(() => unwrap(sportello.pratiche['documenti.scarica']({ documentoId })));
    if (file) saveFile(file.contentBase64, file.nomeFile, file.mimeType);
  };
  const scarica = (documentoId: string) => (
    <button type="button" className="btn btn-outline-primary" disabled={action.busy} onClick={() => void download(documentoId)} data-testid="scarica-documento-comune">
      {t('documenti-comune.scarica')}
    </button>
  );
  if (load.data && !load.data.collegato) return null;
  return (
    <section className="mt-4" aria-labelledby="titolo-documenti-comune">
      <h2 className="h4" id="titolo-documenti-comune">{t('documenti-comune.titolo')}</h2>
      <ErrorAlert message={load.error} />
      {!load.data ? !load.error && <Busy /> : load.data.documenti.length === 0 ? (
        <p data-testid="nessun-documento-comune">{t('documenti-comune.nessuno')}</p>
      ) : (
        <ul className="list-group" data-testid="documenti-comune">
          {load.data.documenti.map((d) => (
            <li key={d.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
              <span>
                <span className="fw-semibold d-block">{d.titolo}</span>
                {d.rilasciatoIl && <span className="small d-block">{t('documenti-comune.rilasciato', { data: formatDate(d.rilasciatoIl) })}</span>}
              </span>
              {stampa ? <StampaDocumentoComune documentoId={d.id} stampa={d.stampa} scarica={scarica(d.id)} /> : scarica(d.id)}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert message={action.error} />
    </section>
  );
}
