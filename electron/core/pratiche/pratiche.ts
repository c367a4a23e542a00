/**
 * The pratiche of a citizen: start or resume a draft, the wizard (Avanti validates and
 * stays on the step with errors; Indietro; Ricomincia keeps the data), autosave, note and
 * description, completeness and submission to the outbox.
 */
import { randomUUID } from 'node:crypto';
import type { Completeness, PraticaView } from '../../shared/contract/pratiche';
import type { Catalogue } from '../catalogue/catalogue';
import type { ServiceFile } from '../catalogue/format';
import type { FieldError } from '../catalogue/forms/validate';
import { DomainError } from '../errors';
import type { Clock } from '../ports/clock';
import type { AllegatiRepo } from '../store/allegati-repo';
import type { OutboxPayload, PayloadAttachment } from '../store/outbox-payload';
import type { PraticaRecord, PraticheRepo } from '../store/pratiche-repo';
import { APPLICANT_KEY } from './applicant';
import type { Citizen } from './citizen';
import type { Cittadini } from './cittadini';
import { completeness, stepErrors, type StepContext } from './completeness';
import type { DomainEvents } from '../api/domain-events';
import { createServiceWizards, type ServiceWizard } from './service-wizard';
import type { Prenotazione } from './prenotazione';
import { STATO } from './status';
import type { WizardStep } from './steps';
import { praticaSummary, praticaView, type PortalView } from './view';

const MAX_DATA_BYTES = 1_000_000;

export interface PraticheDeps {
  repo: PraticheRepo;
  allegati: AllegatiRepo;
  cittadini: Cittadini;
  catalogue: Catalogue;
  clock: Clock;
  /** Adds the signed module to a submission (electron/core/firma); absent where nothing signs. */
  firma?: FirmaInvio;
  /** What the portal said of a sent pratica (protocol number, outcome), kept by sync. */
  portale?: (praticaId: string) => PortalView | null;
  /** The slot its booking form chose, while the portal has not confirmed it (prenotazione.ts). */
  prenotazione?: (pratica: PraticaRecord) => Prenotazione | null;
  /** Told of each submission put in the outbox (sync listens). */
  events?: Pick<DomainEvents, 'emit'>;
}

/** The signed module's entry in the outbox payload, or null when the pratica goes unsigned; throws when it may not. */
export interface FirmaInvio {
  allegatoFirmato(citizen: Citizen, praticaId: string, data: Record<string, unknown>, attachments: PayloadAttachment[]): PayloadAttachment | null;
}

export type { PayloadAttachment } from '../store/outbox-payload';

const notFound = () => new DomainError('pratica-sconosciuta', 'Pratica non trovata.');
const notDraft = () => new DomainError('pratica-non-modificabile', 'Questa pratica è già stata inviata e non si può più modificare.');

export function createPratiche(deps: PraticheDeps) {
  const now = () => deps.clock.now().toISOString();
  const wizardOf = createServiceWizards(deps.catalogue);

  /** The stored pratica of this citizen and its service's wizard: what every call starts from. */
  function found(citizen: Citizen, id: string): { pratica: PraticaRecord; wizard: ServiceWizard } {
    const pratica = deps.repo.get(id, citizen.card.codiceFiscale);
    if (!pratica) throw notFound();
    return { pratica, wizard: wizardOf(pratica.tenantSlug, pratica.serviceSlug) };
  }

  function load(citizen: Citizen, id: string) {
    const { pratica, wizard } = found(citizen, id);
    const { service, steps, missingForms } = wizard;
    const index = Math.max(0, steps.findIndex((s) => s.id === pratica.stepId));
    // A draft is checked with today's profile (the email may have changed since the last save).
    const current = pratica.status === STATO.BOZZA ? { ...pratica, data: withApplicant(citizen, wizard, pratica.data) } : pratica;
    const context: StepContext = { pratica: current, service, attachments: deps.allegati.ofPratica(id), missingForms };
    return { pratica: current, service, steps, index, context };
  }

  function view(citizen: Citizen, id: string): PraticaView {
    const { pratica, service, steps, context } = load(citizen, id);
    const profile = deps.cittadini.profile(citizen);
    return praticaView(pratica, service, steps, profile, context.attachments, deps.repo.history(id), deps.portale?.(id) ?? null, deps.prenotazione?.(pratica) ?? null);
  }

  function editable(citizen: Citizen, id: string) {
    const loaded = load(citizen, id);
    if (loaded.pratica.status !== STATO.BOZZA) throw notDraft();
    return loaded;
  }

  /** Form data with the Richiedente block rebuilt from card and profile, when the forms have one. */
  function withApplicant(citizen: Citizen, wizard: ServiceWizard, data: Record<string, unknown>): Record<string, unknown> {
    const { applicant } = wizard;
    return applicant ? { ...data, [APPLICANT_KEY]: applicant(deps.cittadini.profile(citizen), data[APPLICANT_KEY]) } : data;
  }

  function move(citizen: Citizen, id: string, to: (index: number, steps: WizardStep[]) => number, check: boolean) {
    const { steps, index, context } = editable(citizen, id);
    const errors: FieldError[] = check ? stepErrors(steps[index]!, context) : [];
    const target = errors.length === 0 ? to(index, steps) : index;
    if (target !== index) deps.repo.setStep(id, citizen.card.codiceFiscale, steps[target]!.id, now());
    return { moved: target !== index, errors, pratica: view(citizen, id) };
  }

  return {
    view,

    /** What the module to sign shows: the draft (Richiedente rebuilt), its service, steps, attachments, completeness. */
    forModule(citizen: Citizen, id: string) {
      const { pratica, service, steps, context } = load(citizen, id);
      return { pratica, service, steps, attachments: context.attachments, completeness: completeness(steps, context) };
    },

    start(citizen: Citizen, tenant: string, serviceSlug: string, newDraft: boolean) {
      const wizard = wizardOf(tenant, serviceSlug);
      const { service, steps, missingForms } = wizard;
      if (service.status !== 1) throw new DomainError('servizio-sospeso', 'Questo servizio al momento non accetta nuove pratiche.');
      deps.cittadini.requireTermsAccepted(citizen, tenant);
      const cf = citizen.card.codiceFiscale;
      const drafts = deps.repo.drafts(cf, tenant, serviceSlug);
      const multiple = service.x_sportello_multiple_drafts;
      if (drafts.length > 0 && !(multiple && newDraft)) {
        return { outcome: 'bozza-esistente' as const, drafts: drafts.map((d) => praticaSummary(d, service.name)), canCreateAnother: multiple };
      }
      if (missingForms.size > 0) {
        throw new DomainError('servizio-non-disponibile', 'I moduli di questo servizio non sono disponibili su questa postazione. Riprova più tardi.');
      }
      const id = randomUUID();
      deps.repo.create(
        { id, citizenCf: cf, tenantSlug: tenant, serviceSlug, serviceId: service.id, status: STATO.BOZZA, stepId: steps[0]!.id,
          data: withApplicant(citizen, wizard, {}), openedBy: citizen.operator },
        now(),
      );
      return { outcome: 'creata' as const, pratica: view(citizen, id) };
    },

    /**
     * The autosave of a form step: only that step's fields change. It reads no attachments and
     * rebuilds the Richiedente block once, on the data it saves (a rebuild of a rebuilt block is
     * the same block).
     */
    saveStep(citizen: Citizen, id: string, stepId: string, values: Record<string, unknown>) {
      const { pratica, wizard } = found(citizen, id);
      if (pratica.status !== STATO.BOZZA) throw notDraft();
      const allowed = wizard.stepKeys.get(stepId);
      if (!allowed) throw new DomainError('passo-sconosciuto', 'Questo passo non ha campi da salvare.');
      // A form renderer hands back the whole pratica's data, other steps' fields included:
      // those are left as stored (only this step's fields change); a key no step has is refused.
      const unknown = Object.keys(values).filter((k) => !wizard.formKeys.has(k));
      if (unknown.length > 0) {
        throw new DomainError('campo-sconosciuto', 'Alcuni dati non appartengono a questo passo.', unknown.slice(0, 20).map((k) => ({ path: k, message: 'campo non previsto' })));
      }
      const own = Object.fromEntries(Object.entries(values).filter(([k]) => allowed.has(k)));
      const data = withApplicant(citizen, wizard, { ...pratica.data, ...own });
      if (Buffer.byteLength(JSON.stringify(data)) > MAX_DATA_BYTES) {
        throw new DomainError('dati-troppo-grandi', 'I dati inseriti sono troppo grandi per essere salvati.');
      }
      const savedAt = now();
      const revision = deps.repo.saveData(id, citizen.card.codiceFiscale, data, savedAt);
      if (revision === null) throw notDraft();
      return { revision, savedAt };
    },

    acceptInstructions(citizen: Citizen, id: string, accepted: boolean): PraticaView {
      const { pratica } = editable(citizen, id);
      deps.repo.setFlags(id, citizen.card.codiceFiscale, { instructionsAccepted: accepted, paymentAcknowledged: pratica.paymentAcknowledged }, now());
      return view(citizen, id);
    },

    acknowledgePayment(citizen: Citizen, id: string, acknowledged: boolean): PraticaView {
      const { pratica, service } = editable(citizen, id);
      if (service.payment_required === 0) throw new DomainError('pagamento-non-previsto', 'Questo servizio non prevede pagamenti.');
      deps.repo.setFlags(id, citizen.card.codiceFiscale, { instructionsAccepted: pratica.instructionsAccepted, paymentAcknowledged: acknowledged }, now());
      return view(citizen, id);
    },

    next: (citizen: Citizen, id: string) => move(citizen, id, (i, steps) => Math.min(i + 1, steps.length - 1), true),
    back: (citizen: Citizen, id: string) => move(citizen, id, (i) => Math.max(i - 1, 0), false),
    restart: (citizen: Citizen, id: string) => move(citizen, id, () => 0, false),
    /** "Modifica" in the review: back to an earlier step only, since going forward must pass each step's checks. */
    backTo: (citizen: Citizen, id: string, stepId: string) =>
      move(citizen, id, (i, steps) => {
        const target = steps.findIndex((s) => s.id === stepId);
        return target >= 0 && target < i ? target : i;
      }, false),

    catalogueNoticeSeen(citizen: Citizen, id: string): PraticaView {
      load(citizen, id);
      deps.repo.clearCatalogueChanged(id, citizen.card.codiceFiscale);
      return view(citizen, id);
    },

    texts(citizen: Citizen, id: string, texts: { note?: string; description?: string }): PraticaView {
      const { pratica } = load(citizen, id);
      const note = texts.note ?? pratica.note;
      const description = texts.description ?? pratica.description;
      if (note.length > 2000) throw new DomainError('nota-troppo-lunga', 'La nota può avere al massimo 2000 caratteri.');
      if (description.length > 500) throw new DomainError('descrizione-troppo-lunga', 'La descrizione può avere al massimo 500 caratteri.');
      deps.repo.setTexts(id, citizen.card.codiceFiscale, { note, description }, now());
      return view(citizen, id);
    },

    completeness(citizen: Citizen, id: string): Completeness {
      const { steps, context } = load(citizen, id);
      return completeness(steps, context);
    },

    /** Checks everything again (forms included), then draft -> 1900 + outbox row, atomically. */
    submit(citizen: Citizen, id: string): PraticaView {
      const { pratica, service, steps, context } = editable(citizen, id);
      const state = completeness(steps, context);
      if (!state.complete) {
        throw new DomainError('pratica-incompleta', 'La pratica non è completa: controlla "Stato della compilazione".',
          state.missing.slice(0, 50).map((m) => ({ path: m.path ?? m.stepId, message: m.message })));
      }
      const submittedAt = now();
      const payload = submissionPayload(pratica, service, context, pratica.data, submittedAt);
      const firmato = deps.firma?.allegatoFirmato(citizen, id, payload.data, payload.attachments) ?? null;
      if (firmato) payload.attachments.push(firmato);
      if (!deps.repo.submit(id, citizen.card.codiceFiscale, STATO.INVIATA, submittedAt, { kind: 'pratica.submit', tenantSlug: pratica.tenantSlug, payload })) {
        throw notDraft();
      }
      deps.events?.emit('outbox.accodata', { praticaId: id });
      deps.events?.emit('pratica.inviata', { praticaId: id, serviceSlug: pratica.serviceSlug, codiceFiscale: citizen.card.codiceFiscale, operatore: citizen.operator, openedBy: pratica.openedBy });
      return view(citizen, id);
    },
  };
}

function submissionPayload(p: PraticaRecord, service: ServiceFile, c: StepContext, data: Record<string, unknown>, submittedAt: string): OutboxPayload & { attachments: PayloadAttachment[] } {
  return {
    serviceId: service.id,
    serviceSlug: service.slug,
    citizenFiscalCode: p.citizenCf,
    openedBy: p.openedBy,
    data,
    attachments: c.attachments.map((a): PayloadAttachment => ({ key: a.slotKey, sha256: a.sha256, name: a.name, mimeType: a.mimeType, size: a.size })),
    submittedAt,
  };
}

export type Pratiche = ReturnType<typeof createPratiche>;
