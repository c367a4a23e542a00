import { useTranslation } from 'react-i18next';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { dimensioneLeggibile } from '../../../electron/shared/dimensione-file';
import { ScreenTitle } from '../components/ScreenTitle';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../components/dates';
import { DocumentiComune } from './DocumentiComune';

/** Every document the citizen has uploaded, ready to be reused in a new pratica. */
export function IMieiAllegati() {
  const { t } = useTranslation();
  const load = useLoad(() => unwrap(sportello.pratiche['attachments.library']({})), []);
  return (
    <section>
      <ScreenTitle testId="titolo-allegati">{t('allegati.titolo')}</ScreenTitle>
      <p>{t('allegati.spiegazione')}</p>
      <ErrorAlert message={load.error} />
      {!load.data ? !load.error && <Busy /> : load.data.length === 0 ? (
        <p data-testid="nessun-allegato">{t('allegati.nessuno')}</p>
      ) : (
        <ul className="list-group" data-testid="libreria-allegati">
          {load.data.map((a) => (
            <li key={a.id} className="list-group-item">
              <span className="fw-semibold">{a.name}</span> · {dimensioneLeggibile(a.size)}{a.pdfa ? ` · PDF/A-${a.pdfa}` : ''} · {formatDate(a.createdAt)}
            </li>
          ))}
        </ul>
      )}
      <DocumentiComune />
    </section>
  );
}
