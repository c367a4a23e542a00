/** From the stored pratica (and its service, steps, attachments) to what the contract shows. */
import type { PraticaSummary, PraticaView, ProfileView } from '../../shared/contract/pratiche';
import type { AttachmentSpec, ServiceFile } from '../catalogue/format';
import { formatiAmmessi } from '../documents/allegati/tipi-file';
import type { AllegatoRecord } from '../store/allegati-repo';
import type { ProfileRecord } from '../store/cittadini-repo';
import type { HistoryEntry, PraticaRecord, PraticaSummaryRecord } from '../store/pratiche-repo';
import { gruppoOf, statusLabel, storiaLeggibile } from './status';
import type { WizardStep } from './steps';
import { obbligoDelloSlot } from './allegati/obbligo';
import type { Prenotazione } from './prenotazione';

/** The portal's side of a sent pratica, as sync recorded it. */
export type PortalView = PraticaView['portale'];

export const profileView = (p: ProfileRecord): ProfileView => ({ ...p.card, email: p.email, phone: p.phone, address: p.address });

/**
 * A slot as the screen shows it: `required` is what the data asks now, from the very rule
 * completeness checks (so the screen cannot say "facoltativo" of a file core then asks for),
 * `requiredWhen` the case that makes it required, in words; the formats by name.
 */
function slotView({ requiredWhen, ...slot }: AttachmentSpec, data: Record<string, unknown>) {
  return {
    ...slot,
    required: obbligoDelloSlot({ ...slot, requiredWhen }, data).obbligatorio,
    requiredWhen: requiredWhen?.text ?? null,
    formati: formatiAmmessi(slot.mimeTypes),
  };
}

const fileOf = (a: AllegatoRecord) => ({ id: a.id, name: a.name, mimeType: a.mimeType, size: a.size, pdfa: a.pdfa, createdAt: a.createdAt });

export function praticaView(
  p: PraticaRecord,
  service: ServiceFile,
  steps: WizardStep[],
  profile: ProfileRecord,
  attachments: (AllegatoRecord & { slotKey: string })[],
  history: HistoryEntry[],
  portale: PortalView,
  prenotazione: Prenotazione | null = null,
): PraticaView {
  return {
    id: p.id,
    tenant: p.tenantSlug,
    service: { slug: service.slug, name: service.name, multipleDrafts: service.x_sportello_multiple_drafts },
    status: p.status,
    statusLabel: statusLabel(p.status),
    group: gruppoOf(p.status),
    steps: steps.map((s) => ({ id: s.id, kind: s.kind, title: s.title, guide: s.guide, formId: s.formId, panelKey: s.panelKey })),
    currentStepId: p.stepId,
    instructionsAccepted: p.instructionsAccepted,
    paymentAcknowledged: p.paymentAcknowledged,
    data: p.data,
    note: p.note,
    description: p.description,
    richiedente: profileView(profile),
    attachmentSlots: service.x_sportello_attachments.map((slot) => ({
      ...slotView(slot, p.data),
      files: attachments.filter((a) => a.slotKey === slot.key).map(fileOf),
    })),
    history: storiaLeggibile(history),
    openedBy: p.openedBy,
    catalogueChangedAt: p.catalogueChangedAt,
    revision: p.revision,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    submittedAt: p.submittedAt,
    prenotazione,
    portale,
  };
}

export function praticaSummary(
  p: PraticaSummaryRecord,
  serviceName: string,
  portale: Pick<PraticaSummary, 'messaggiNonLetti' | 'protocolNumber' | 'prossimoAppuntamento' | 'prenotazione'> = { messaggiNonLetti: 0, protocolNumber: null, prossimoAppuntamento: null, prenotazione: null },
): PraticaSummary {
  return {
    id: p.id,
    tenant: p.tenantSlug,
    serviceSlug: p.serviceSlug,
    serviceName,
    status: p.status,
    statusLabel: statusLabel(p.status),
    group: gruppoOf(p.status),
    description: p.description,
    openedBy: p.openedBy,
    updatedAt: p.updatedAt,
    submittedAt: p.submittedAt,
    ...portale,
  };
}

export { fileOf as allegatoView };
