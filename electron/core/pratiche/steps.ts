/**
 * The wizard of a service: Istruzioni, Richiedente, the service's Form.io steps (one per
 * flow step; a "wizard" form contributes one step per top-level panel), Allegati when
 * the service asks for documents, Pagamento when payment is required, Controllo e
 * conferma. Step ids are stable strings, stored with the pratica.
 */
import type { FormView } from '../../shared/contract/catalogue';
import type { ServiceFile } from '../catalogue/format';
import type { FormComponent } from '../catalogue/forms/form-json';

export type StepKind = 'istruzioni' | 'richiedente' | 'modulo' | 'allegati' | 'pagamento' | 'riepilogo';

export interface WizardStep {
  id: string;
  kind: StepKind;
  title: string;
  guide: string;
  /** For `modulo`: the form and, for wizard forms, the panel this step shows. */
  formId: string | null;
  panelKey: string | null;
  components: FormComponent[];
}

const GUIDE = {
  richiedente:
    'Questi dati vengono dalla tua carta e dal tuo profilo. Se email, telefono o indirizzo non sono corretti, puoi cambiarli nel profilo.',
  allegati: 'Allega i documenti richiesti. Puoi riusare un documento già caricato in "I miei allegati".',
  riepilogo: 'Controlla i dati inseriti. Se manca qualcosa, lo trovi in "Stato della compilazione". Quando è tutto pronto, invia.',
};

/**
 * What the Pagamento step says. A deferred payment (2) is asked by the office once it accepts
 * the pratica (PraticaManager::finalize), and its notice then comes with the pratica. An
 * immediate one (1) is taken only by the portal's own web form: an application created through
 * its API, as the app's are, is never stopped for it, so the citizen is told how it will go
 * instead of being promised a payment step that will not come.
 */
function paymentGuide(service: ServiceFile): string {
  const amount = service.payment_parameters?.total_amounts;
  const what = `Questo servizio richiede un pagamento${amount ? ` di ${amount.replace('.', ',')} euro` : ''}${
    service.payment_parameters?.reason ? ` (${service.payment_parameters.reason})` : ''
  }, con pagoPA.`;
  const how =
    service.payment_required === 1
      ? "Da qui la pratica parte senza pagare: l'ufficio del Comune ti dirà come versare l'importo, e se ti manda l'avviso pagoPA lo trovi nella pratica, in Le mie pratiche."
      : "Lo paghi quando il Comune te lo chiede: l'avviso pagoPA, con l'importo e il codice avviso, arriva nella pratica, in Le mie pratiche.";
  return `${what} ${how} Conferma di averne preso visione.`;
}

function formSteps(service: ServiceFile, formOf: (formId: string) => FormView | null): WizardStep[] {
  const steps: WizardStep[] = [];
  for (const flow of service.flow_steps) {
    const formId = flow.parameters.formio_id;
    if (flow.type !== 'formio' || !formId) continue;
    const form = formOf(formId);
    const components = (form?.components ?? []) as FormComponent[];
    const panels = components.filter((c) => c.type === 'panel' && typeof c.key === 'string');
    if (form?.display === 'wizard' && panels.length > 0) {
      for (const panel of panels) {
        const title = typeof panel.title === 'string' && panel.title ? panel.title : flow.title;
        steps.push({ id: `modulo:${formId}:${panel.key}`, kind: 'modulo', title, guide: flow.guide, formId, panelKey: panel.key!, components: [panel] });
      }
    } else {
      steps.push({ id: `modulo:${formId}`, kind: 'modulo', title: flow.title, guide: flow.guide, formId, panelKey: null, components });
    }
  }
  return steps;
}

/** `formOf` returns the resolved form, or null when it is not available offline. */
export function wizardSteps(service: ServiceFile, formOf: (formId: string) => FormView | null): WizardStep[] {
  const step = (id: StepKind, title: string, guide: string): WizardStep => ({ id, kind: id, title, guide, formId: null, panelKey: null, components: [] });
  const instructions = [service.howto, service.compilation_info].filter((t) => t.trim()).join('\n\n') || service.description;
  return [
    step('istruzioni', 'Istruzioni', instructions),
    step('richiedente', 'Richiedente', GUIDE.richiedente),
    ...formSteps(service, formOf),
    ...(service.x_sportello_attachments.length > 0 ? [step('allegati', 'Allegati', GUIDE.allegati)] : []),
    ...(service.payment_required !== 0 ? [step('pagamento', 'Pagamento', paymentGuide(service))] : []),
    step('riepilogo', 'Controllo e conferma', GUIDE.riepilogo),
  ];
}

/** Top-level data keys a step's components write, so an autosave of one step cannot touch another's data. */
export function dataKeysOf(components: FormComponent[]): Set<string> {
  const keys = new Set<string>();
  const visit = (list: unknown[]): void => {
    for (const raw of list) {
      const c = raw as FormComponent;
      const layout = ['panel', 'columns', 'fieldset', 'table', 'well', 'tabs'].includes(c.type) || c.input === false;
      if (!layout && typeof c.key === 'string') {
        keys.add(c.key);
        continue;
      }
      if (Array.isArray(c.components)) visit(c.components);
      if (Array.isArray(c.columns)) for (const col of c.columns as { components?: unknown[] }[]) visit(col.components ?? []);
      if (Array.isArray(c.rows)) for (const row of c.rows as { components?: unknown[] }[][]) for (const cell of row) visit(cell.components ?? []);
    }
  };
  visit(components);
  return keys;
}
