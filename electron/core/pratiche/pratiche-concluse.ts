/**
 * A citizen's concluded pratiche as the portal has them, for Le mie pratiche on a kiosk or desk: a
 * kiosk keeps a final pratica's data `retentionDays` (0), so once the outcome is registered it is
 * forgotten at the end of the session, and a citizen who comes back sees its outcome, the outcome
 * file and whether the payment went through only here, read live and never stored.
 *
 * The operator account the kiosk signs in with reads every citizen's applications, and its list has
 * no citizen filter (ApplicationsAPIController::getApplicationsAction: `user` is set only for a
 * citizen's own token), so this module holds the line: an application is shown, and its file
 * handed over, only when its `user` is the portal's user of the session citizen's codice fiscale.
 */
import type { X509Certificate } from 'node:crypto';
import type { PraticaConclusa } from '../../shared/contract/pratiche-concluse';
import { DomainError } from '../errors';
import { mimeTypeOf } from '../sync/portal-files';
import { PortalError } from '../sync/portal-error';
import type { PortalClient } from '../sync/portal-port';
import type { Application } from '../sync/portal-schemas';
import { verdictOf } from '../sync/outcome-verdict';
import { ultimoPagamento } from '../sync/payment-pull';
import { FINAL_STATUSES } from '../sync/status-pull';
import type { PraticheRepo } from '../store/pratiche-repo';
import type { RemoteRepo } from '../store/remote-repo';
import type { Citizen } from './citizen';
import { statoPagamento } from './portale-view';
import { gruppoOf, statusLabel } from './status';

/**
 * How far back the list reaches: a year of changes. The list cannot be narrowed to one citizen, so
 * each look-up pages through every application the account sees in that window (100 a page).
 */
const FINESTRA_MS = 365 * 86_400_000;

export interface PraticheConcluseDeps {
  /** Null in the demo and at home (where the device keeps the citizen's pratiche `retentionDays`, 90 by default). */
  portal: PortalClient | null;
  pratiche: Pick<PraticheRepo, 'listByCitizen'>;
  remote: Pick<RemoteRepo, 'get'>;
  fidati: () => readonly X509Certificate[];
  now: () => Date;
}

const NON_RAGGIUNGIBILE = 'Il Comune non è raggiungibile ora: le pratiche concluse si vedono quando torna il collegamento.';
const NON_DISPONIBILE = 'Esito non trovato tra le tue pratiche concluse.';

/** A portal that did not answer: said so, in the citizen's words; anything else is not ours to hide. */
function unreachable(error: unknown): never {
  if (error instanceof PortalError && error.kind !== 'permanent') throw new DomainError('portale-non-raggiungibile', NON_RAGGIUNGIBILE);
  throw error;
}

const fileEsito = (app: Application) => [app.outcome_file, ...(app.outcome_attachments ?? [])].filter((f) => f != null);
/** The name the office gave the file, as the citizen will save it. */
const nomeEsito = (f: NonNullable<Application['outcome_file']>) => f.originalName ?? f.name ?? 'esito';
const haPagamento = (app: Application) => app.payment_data != null && Object.keys(app.payment_data).length > 0;

export function createPraticheConcluse(deps: PraticheConcluseDeps) {
  const portal = deps.portal;
  /** The portal's users with the citizen's codice fiscale: the only owners whose applications are theirs. */
  const utenti = async (p: PortalClient, citizen: Citizen) => new Set(await p.listUsers(citizen.card.codiceFiscale));
  /**
   * The portal's ids of the sent pratiche the device still lists for the citizen: Le mie pratiche shows
   * those from the device. Retention hands a final pratica's row to nobody when it forgets its data
   * (store/oblio-repo.ts), so from then on it is read here.
   */
  const sulDispositivo = (citizen: Citizen): Set<string> => {
    const ids = new Set<string>();
    for (const p of deps.pratiche.listByCitizen(citizen.card.codiceFiscale)) {
      const remote = p.submittedAt === null ? undefined : deps.remote.get(p.id);
      if (remote) ids.add(remote.remoteId);
    }
    return ids;
  };
  const proprie = (apps: Application[], owners: ReadonlySet<string>) => apps.filter((a) => a.user != null && owners.has(a.user) && FINAL_STATUSES.has(a.status));

  const view = async (p: PortalClient, app: Application): Promise<PraticaConclusa> => {
    const pagamento = haPagamento(app) ? await ultimoPagamento(p, app.id) : null;
    return {
      remoteId: app.id,
      servizio: app.service_name ?? app.service ?? '',
      protocollo: app.protocol_number ?? null,
      data: app.submitted_at ?? app.created_at ?? null,
      status: app.status,
      statusLabel: statusLabel(app.status),
      group: gruppoOf(app.status),
      esito: app.outcome ?? null,
      motivazione: app.outcome_motivation ?? null,
      fileEsito: fileEsito(app).map((f) => ({ id: f.id, nome: nomeEsito(f) })),
      pagamento: pagamento && statoPagamento(pagamento, app.status),
    };
  };

  return {
    async list(citizen: Citizen): Promise<{ stato: 'lette' | 'senza-portale' | 'non-raggiungibile'; pratiche: PraticaConclusa[] }> {
      if (!portal) return { stato: 'senza-portale', pratiche: [] };
      try {
        const owners = await utenti(portal, citizen);
        if (owners.size === 0) return { stato: 'lette', pratiche: [] };
        const apps = proprie(await portal.listApplications({ updatedAfter: new Date(deps.now().getTime() - FINESTRA_MS) }), owners);
        const device = sulDispositivo(citizen);
        return { stato: 'lette', pratiche: await Promise.all(apps.filter((a) => !device.has(a.id)).map((a) => view(portal, a))) };
      } catch (error) {
        if (error instanceof PortalError && error.kind !== 'permanent') return { stato: 'non-raggiungibile', pratiche: [] };
        throw error;
      }
    },
    /** One outcome file of one of the citizen's concluded pratiche, judged now like those that arrive by sync. */
    async scaricaEsito(citizen: Citizen, remoteId: string, fileId: string) {
      if (!portal) throw new DomainError('documento-non-disponibile', NON_DISPONIBILE);
      const [owners, app] = await Promise.all([utenti(portal, citizen), portal.getApplication(remoteId)]).catch(unreachable);
      const file = proprie([app], owners).length === 1 ? fileEsito(app).find((f) => f.id === fileId) : undefined;
      if (!file) throw new DomainError('documento-non-disponibile', NON_DISPONIBILE);
      const { bytes, mimeType } = await portal.downloadFile(app.id, file.id).catch(unreachable);
      const nomeFile = nomeEsito(file);
      const type = mimeTypeOf(nomeFile, mimeType);
      return { contentBase64: bytes.toString('base64'), nomeFile, mimeType: type, firma: verdictOf(bytes, nomeFile, type, deps.fidati, deps.now()) };
    },
  };
}

export type PraticheConcluse = ReturnType<typeof createPraticheConcluse>;
