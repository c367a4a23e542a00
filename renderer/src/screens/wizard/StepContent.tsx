import { useTranslation } from 'react-i18next';
import type { PraticaView } from '../../../../electron/shared/contract/pratiche';
import type { FormView } from '../../../../electron/shared/contract/catalogue';
import { FormioStep, type FormHandle } from '../../forms/FormioStep';
import { useApp } from '../../platform/app-context';
import { Busy } from '../../components/Busy';
import { Paragraphs } from '../../components/Paragraphs';
import { Checkbox } from './Checkbox';
import { Richiedente } from './Richiedente';
import { AllegatiStep } from './AllegatiStep';
import { Riepilogo } from './Riepilogo';

type Step = PraticaView['steps'][number];

/** The body of the current step, by kind. */
export function StepContent({ pratica, step, form, formHandle, busy, onData, onChanged, onAcceptInstructions, onAcknowledgePayment, onModifica }: {
  pratica: PraticaView;
  step: Step;
  form: FormView | null;
  formHandle: { current: FormHandle | null };
  busy: boolean;
  onData(data: Record<string, unknown>): void;
  onChanged(p: PraticaView): void;
  onAcceptInstructions(accepted: boolean): void;
  onAcknowledgePayment(acknowledged: boolean): void;
  onModifica(stepId: string): void;
}) {
  const { t } = useTranslation();
  const { tenant } = useApp();
  switch (step.kind) {
    case 'istruzioni':
      return (
        <div data-testid="passo-istruzioni">
          <Paragraphs text={step.guide} />
          <Checkbox label={t('wizard.istruzioni-lette')} checked={pratica.instructionsAccepted} disabled={busy} onChange={onAcceptInstructions} testId="istruzioni-lette" />
        </div>
      );
    case 'richiedente':
      return <Richiedente richiedente={pratica.richiedente} />;
    case 'modulo':
      return form ? <FormioStep key={step.id} form={form} tenant={tenant} panelKey={step.panelKey} data={pratica.data} onChange={onData} handle={formHandle} /> : <Busy label={t('wizard.caricamento-modulo')} />;
    case 'allegati':
      return <AllegatiStep pratica={pratica} onChanged={onChanged} />;
    case 'pagamento':
      return (
        <div data-testid="passo-pagamento">
          <Paragraphs text={step.guide} />
          <Checkbox label={t('wizard.pagamento-visto')} checked={pratica.paymentAcknowledged} disabled={busy} onChange={onAcknowledgePayment} testId="pagamento-visto" />
        </div>
      );
    case 'riepilogo':
      return <Riepilogo pratica={pratica} busy={busy} onModifica={onModifica} />;
  }
}
