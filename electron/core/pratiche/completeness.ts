/**
 * "Stato della compilazione": everything still missing in a pratica, step by step.
 * A pratica can be submitted only when this list is empty; the same checks back the
 * wizard's Avanti, so the two can never disagree.
 */
import type { Completeness } from '../../shared/contract/pratiche';
import type { ServiceFile } from '../catalogue/format';
import { validateSubmission, type FieldError } from '../catalogue/forms/validate';
import type { AllegatoRecord } from '../store/allegati-repo';
import type { PraticaRecord } from '../store/pratiche-repo';
import type { WizardStep } from './steps';
import { obbligoDelloSlot } from './allegati/obbligo';

export interface StepContext {
  pratica: PraticaRecord;
  service: ServiceFile;
  attachments: (AllegatoRecord & { slotKey: string })[];
  /** Form ids the catalogue could not provide offline. */
  missingForms: ReadonlySet<string>;
}

export function stepErrors(step: WizardStep, c: StepContext): FieldError[] {
  switch (step.kind) {
    case 'istruzioni':
      return c.pratica.instructionsAccepted ? [] : [{ path: '', rule: 'required', message: 'Per continuare dichiara di aver letto le istruzioni.' }];
    case 'modulo':
      if (step.formId && c.missingForms.has(step.formId)) {
        return [{ path: '', rule: 'unavailable', message: 'Il modulo di questo passo non è disponibile su questa postazione.' }];
      }
      return validateSubmission(step.components, c.pratica.data);
    case 'allegati':
      return c.service.x_sportello_attachments.flatMap((slot) => {
        const { obbligatorio, quando } = obbligoDelloSlot(slot, c.pratica.data);
        if (!obbligatorio || c.attachments.some((a) => a.slotKey === slot.key)) return [];
        return [{ path: slot.key, rule: 'required', message: `Manca l'allegato "${slot.label}"${quando ? `, che serve perché ${quando}` : ''}.` }];
      });
    case 'pagamento':
      return c.pratica.paymentAcknowledged ? [] : [{ path: '', rule: 'required', message: 'Conferma di aver preso visione del pagamento.' }];
    default:
      return [];
  }
}

export function completeness(steps: WizardStep[], c: StepContext): Completeness {
  const missing = steps.flatMap((step) =>
    stepErrors(step, c).map((e) => ({ stepId: step.id, stepTitle: step.title, path: e.path || null, message: e.label ? `${e.label}: ${e.message}` : e.message })),
  );
  return { complete: missing.length === 0, missing };
}
