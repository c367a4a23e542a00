import { useTranslation } from 'react-i18next';
import type { PraticaView } from '../../../electron/shared/contract/pratiche';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { Voci } from './wizard/VociRiepilogo';

/**
 * What a sent pratica said, section by section, as the citizen reviewed and signed it. The
 * attachments have their own list in Dettaglio (with the slot they went to), so their section is left out here.
 */
export function DatiInviati({ pratica }: { pratica: PraticaView }) {
  const { t } = useTranslation();
  const load = useLoad(() => unwrap(sportello.pratiche.review({ id: pratica.id })), [pratica.id, pratica.revision]);
  const allegati = new Set(pratica.steps.filter((s) => s.kind === 'allegati').map((s) => s.id));
  const sezioni = load.data?.sezioni.filter((s) => !allegati.has(s.stepId) && s.voci.length > 0) ?? [];
  return (
    <section className="mb-4" aria-labelledby="titolo-dati-inviati" data-testid="dati-inviati">
      <h2 className="h4" id="titolo-dati-inviati">{t('dettaglio.dati-inviati')}</h2>
      <ErrorAlert message={load.error} />
      {!load.data ? !load.error && <Busy /> : sezioni.map((s, i) => (
        <section key={s.stepId} className="card card-bg mb-3" aria-labelledby={`dati-inviati-${i}`}>
          <div className="card-body">
            <h3 id={`dati-inviati-${i}`} className="h5">{s.titolo}</h3>
            <Voci voci={s.voci} />
          </div>
        </section>
      ))}
    </section>
  );
}
