import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Go } from '../../navigation/navigation';
import type { PraticaView } from '../../../../electron/shared/contract/pratiche';
import type { FormView } from '../../../../electron/shared/contract/catalogue';
import { useApp } from '../../platform/app-context';
import { sportello } from '../../platform/sportello';
import { unwrap } from '../../platform/call';
import { useAction, useLoad } from '../../platform/use-load';
import { ScreenTitle } from '../../components/ScreenTitle';
import { Breadcrumb, tappePratiche } from '../../shell/Breadcrumb';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Paragraphs } from '../../components/Paragraphs';
import { StepList } from './StepList';
import { StepContent } from './StepContent';
import { NoteField } from './NoteField';
import type { FormHandle } from '../../forms/FormioStep';

type FieldError = { path: string; label?: string; message: string };

/** The wizard of a pratica: steps, guide, notes, Indietro / Ricomincia / Avanti, and the way to sending it. */
export function Wizard({ praticaId, go }: { praticaId: string; go: Go }) {
  const { t } = useTranslation();
  const { tenant } = useApp();
  const load = useLoad(() => unwrap(sportello.pratiche.get({ id: praticaId })), [praticaId]);
  const [pratica, setPratica] = useState<PraticaView | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [forms, setForms] = useState<Record<string, FormView>>({});
  const [confirm, setConfirm] = useState<'ricomincia' | 'invia' | null>(null);
  const values = useRef<Record<string, unknown> | null>(null);
  const formHandle = useRef<FormHandle | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const autosave = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const action = useAction();
  useEffect(() => () => clearTimeout(autosave.current), []);

  useEffect(() => void (load.data && setPratica(load.data)), [load.data]);
  const step = pratica?.steps.find((s) => s.id === pratica.currentStepId) ?? null;

  useEffect(() => {
    values.current = null;
    const formId = step?.formId;
    if (!formId || forms[formId]) return;
    void action.run(async () => {
      const form = await unwrap(sportello.catalogue.form({ tenant, formId }));
      setForms((f) => ({ ...f, [formId]: form }));
    });
  }, [step?.id]);

  if (load.error) return <ErrorAlert message={load.error} />;
  if (!pratica || !step) return <Busy />;
  const index = pratica.steps.indexOf(step);
  const last = step.kind === 'riepilogo';

  /** The Form.io step's values go to core before leaving the step, and a moment after each change (a draft survives the card leaving). */
  const saveValues = async () => {
    clearTimeout(autosave.current);
    if (step.kind !== 'modulo' || !values.current) return;
    const pending = values.current;
    values.current = null;
    await unwrap(sportello.pratiche.saveStep({ id: pratica.id, stepId: step.id, values: pending }));
  };
  const onData = (data: Record<string, unknown>) => {
    values.current = data;
    clearTimeout(autosave.current);
    autosave.current = setTimeout(() => void action.run(saveValues), 1500);
  };
  const move = async (how: 'next' | 'back' | 'restart' | { backTo: string }) => {
    setConfirm(null);
    const result = await action.run(async () => {
      if (how !== 'restart') await saveValues();
      if (typeof how === 'object') return unwrap(sportello.pratiche.backTo({ id: pratica.id, stepId: how.backTo }));
      return unwrap(sportello.pratiche[how]({ id: pratica.id }));
    });
    if (!result) return;
    setFieldErrors(result.errors);
    setPratica(result.pratica);
    if (result.errors.length > 0) {
      // The fields themselves are marked too (Form.io runs the same rules), and the summary gets the focus.
      formHandle.current?.showErrors();
      summary.current?.focus();
    }
  };
  const update = async (call: () => Promise<PraticaView>) => {
    const p = await action.run(call);
    if (p) setPratica(p);
  };

  return (
    <div className="wizard row g-4">
      <aside className="col-12 col-lg-3">
        <StepList pratica={pratica} />
        <section className="guide p-3 rounded my-3" aria-labelledby="guida-titolo">
          <h2 id="guida-titolo" className="h5">{t('wizard.guida')}</h2>
          <Paragraphs text={step.kind === 'istruzioni' ? t('wizard.guida-istruzioni') : step.guide} />
        </section>
        <NoteField pratica={pratica} onSaved={setPratica} />
      </aside>
      <div className="col-12 col-lg-9">
        <Breadcrumb tappe={tappePratiche(t)} current={pratica.service.name} go={go} />
        <ScreenTitle testId="titolo-passo" opening={step.id}>{t('wizard.passo', { n: index + 1, totale: pratica.steps.length, titolo: step.title })}</ScreenTitle>
        {fieldErrors.length > 0 && (
          <div className="alert alert-danger" role="alert" data-testid="errori-passo" ref={summary} tabIndex={-1}>
            <p className="fw-semibold">{t('wizard.errori')}</p>
            <ul className="mb-0">
              {fieldErrors.map((e, i) => (
                <li key={i}>
                  {e.path && step.kind === 'modulo' ? (
                    <button type="button" className="btn btn-link p-0 text-start align-baseline" data-testid="errore-campo" onClick={() => formHandle.current?.focus(e.path)}>
                      {e.label ? <><span className="fw-semibold">{e.label}</span>: {e.message}</> : e.message}
                    </button>
                  ) : e.label ? <><span className="fw-semibold">{e.label}</span>: {e.message}</> : e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <StepContent
          pratica={pratica}
          step={step}
          form={step.formId ? forms[step.formId] ?? null : null}
          formHandle={formHandle}
          busy={action.busy}
          onData={onData}
          onChanged={setPratica}
          onAcceptInstructions={(accepted) => void update(() => unwrap(sportello.pratiche.acceptInstructions({ id: pratica.id, accepted })))}
          onAcknowledgePayment={(acknowledged) => void update(() => unwrap(sportello.pratiche.acknowledgePayment({ id: pratica.id, acknowledged })))}
          onModifica={(stepId) => void move({ backTo: stepId })}
        />
        <ErrorAlert message={action.error} />
        {action.busy && <Busy />}
        <div className="d-flex flex-wrap gap-3 mt-4 wizard-buttons">
          <button type="button" className="btn btn-outline-primary btn-lg" disabled={action.busy || index === 0} onClick={() => void move('back')} data-testid="indietro">{t('wizard.indietro')}</button>
          <button type="button" className="btn btn-outline-secondary btn-lg" disabled={action.busy} onClick={() => setConfirm('ricomincia')} data-testid="ricomincia">{t('wizard.ricomincia')}</button>
          {last ? (
            <button type="button" className="btn btn-primary btn-lg" disabled={action.busy} onClick={() => setConfirm('invia')} data-testid="invia" data-azione-principale>{t('wizard.invia')}</button>
          ) : (
            <button type="button" className="btn btn-primary btn-lg" disabled={action.busy} onClick={() => void move('next')} data-testid="avanti" data-azione-principale>{t('wizard.avanti')}</button>
          )}
          <button type="button" className="btn btn-link btn-lg" onClick={() => void action.run(saveValues).then((saved) => saved !== null && go({ name: 'stato', praticaId: pratica.id }))} data-testid="vai-stato">{t('wizard.stato-compilazione')}</button>
        </div>
      </div>
      {confirm === 'ricomincia' && (
        <ConfirmDialog testId="conferma-ricomincia" title={t('wizard.ricomincia-domanda')} text={t('wizard.ricomincia-testo')} confirmLabel={t('wizard.ricomincia')} onConfirm={() => void move('restart')} onCancel={() => setConfirm(null)} />
      )}
      {confirm === 'invia' && (
        <ConfirmDialog testId="conferma-invio" title={t('wizard.invia-domanda')} text={t('wizard.invia-testo')} confirmLabel={t('wizard.invia-si')} onConfirm={() => go({ name: 'firma', praticaId: pratica.id })} onCancel={() => setConfirm(null)} />
      )}
    </div>
  );
}
