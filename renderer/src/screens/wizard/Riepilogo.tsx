import { useTranslation } from 'react-i18next';
import type { PraticaView } from '../../../../electron/shared/contract/pratiche';
import { sportello } from '../../platform/sportello';
import { unwrap } from '../../platform/call';
import { useLoad } from '../../platform/use-load';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnteprimaModulo } from './AnteprimaModulo';
import { Voci } from './VociRiepilogo';

/**
 * "Controllo e conferma": every step's data as the module will print them, each section
 * with "Modifica" back to its step, and the module itself before the PIN is asked.
 */
export function Riepilogo({ pratica, busy, onModifica }: { pratica: PraticaView; busy: boolean; onModifica(stepId: string): void }) {
  const { t } = useTranslation();
  // The revision changes with every save: the review never shows older data than the pratica.
  const load = useLoad(() => unwrap(sportello.pratiche.review({ id: pratica.id })), [pratica.id, pratica.revision]);
  return (
    <div data-testid="passo-riepilogo">
      <p className="fs-5">{t('wizard.riepilogo-testo')}</p>
      <ErrorAlert message={load.error} />
      {!load.data ? <Busy /> : load.data.sezioni.map((s, i) => (
        <section key={s.stepId} className="card card-bg mb-3" aria-labelledby={`riepilogo-${i}`} data-testid={`riepilogo-${s.stepId}`}>
          <div className="card-body">
            <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
              <h3 id={`riepilogo-${i}`} className="h5 mb-0">{s.titolo}</h3>
              <button type="button" className="btn btn-outline-primary" disabled={busy} onClick={() => onModifica(s.stepId)} aria-label={t('wizard.riepilogo-modifica-sezione', { titolo: s.titolo })} data-testid="riepilogo-modifica">
                {t('wizard.riepilogo-modifica')}
              </button>
            </div>
            <Voci voci={s.voci} />
          </div>
        </section>
      ))}
      <AnteprimaModulo praticaId={pratica.id} revision={pratica.revision} />
    </div>
  );
}
