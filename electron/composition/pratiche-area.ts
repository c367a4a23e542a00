/**
 * Builds the store, catalogue and pratiche services over the open database, for the
 * composition root and for tests that want the whole area as the app runs it.
 */
import { createCatalogue } from '../core/catalogue/catalogue';
import { createFirmaArea, createFirmaInvio, type CartaFirmataria } from '../core/firma';
import { createLogger, type Logger } from '../core/log/logger';
import { catalogueHandlers } from '../core/catalogue/handlers';
import type { Clock } from '../core/ports/clock';
import type { Db } from '../core/store/database';
import { createAllegati } from '../core/pratiche/allegati/allegati';
import type { FileStores } from '../core/store/blob-store';
import type { FileSealer } from '../core/store/file-sealer';
import type { CurrentCitizen } from '../core/pratiche/citizen';
import { createCittadini } from '../core/pratiche/cittadini';
import { praticheHandlers } from '../core/pratiche/handlers';
import { createLeMiePratiche } from '../core/pratiche/le-mie-pratiche';
import { createPratiche } from '../core/pratiche/pratiche';
import { createMessaggi } from '../core/pratiche/messaggi';
import { portaleView, prossimoAppuntamento } from '../core/pratiche/portale-view';
import { createAppuntamenti } from '../core/pratiche/appuntamenti';
import { prenotazione } from '../core/pratiche/prenotazione';
import { messaggiHandlers } from '../core/pratiche/messaggi-handlers';
import type { DomainEvents } from '../core/api/domain-events';
import { PREFISSO_PSEUDONIMO } from '../core/store/oblio-repo';
import { createRepositories, type Repositories } from './repositories';

export function createPraticheModule(options: {
  clock: Clock;
  currentCitizen: CurrentCitizen;
  /** The open database (the composition root opens it, with its key). */
  db: Db;
  /** The stored files (the composition root builds them, with their key). */
  files: FileStores;
  /** The card session that signs modules; without it pratiche go unsigned (tests of the wizard alone). */
  carta?: CartaFirmataria | null;
  log?: Logger;
  /** The comune's codice fiscale (configuration `comune.codiceFiscale`), for the pagoPA notice. */
  codiceFiscaleEnte?: string | null;
  /** The repositories over `db` as the composition root built them; tests of the area alone let it build its own. */
  repos?: Repositories;
  /** Where submissions are announced (sync listens); absent in tests of the wizard alone. */
  events?: DomainEvents;
  /** On a kiosk: drafts' documents sealed with the citizen's card (pratiche/cassetta-bozze.ts). */
  documentSealer?: FileSealer;
}) {
  const db = options.db;
  const repos = options.repos ?? createRepositories(db);
  const { catalogue: catalogueRepo, pratiche: praticheRepo, allegati: allegatiRepo, remote: remoteRepo, moduliFirmati: moduli, moduliPerConto: perConto } = repos;
  const catalogue = createCatalogue(catalogueRepo);
  const cittadini = createCittadini({ repo: repos.cittadini, catalogueRepo, catalogue, clock: options.clock });
  const blobs = options.files.allegati;
  const carta = options.carta ?? null;
  // Signing is required wherever a card can sign; see firma/invio.ts for the desk's citizen identified on a document.
  const firmaInvio = createFirmaInvio({ moduli, perConto, blobs, obbligatoria: carta !== null });
  const portale = (praticaId: string) => {
    const remote = remoteRepo.get(praticaId);
    return remote ? portaleView(remote, options.clock.now(), { annullamento: repos.outbox.cancellationState, spostamento: repos.outbox.moveState }) : null;
  };
  const prenotazioneDi = (p: { id: string; submittedAt: string | null; data: Record<string, unknown> }) => prenotazione(p, remoteRepo.get(p.id));
  const pratiche = createPratiche({ repo: praticheRepo, allegati: allegatiRepo, cittadini, catalogue, clock: options.clock, firma: firmaInvio, portale, prenotazione: prenotazioneDi, ...(options.events ? { events: options.events } : {}) });
  const allegati = createAllegati({ repo: allegatiRepo, pratiche: praticheRepo, catalogue, blobs, clock: options.clock, ...(options.documentSealer ? { sealer: options.documentSealer } : {}) });
  const firma = createFirmaArea({
    remote: remoteRepo,
    moduli,
    perConto,
    blobs,
    esiti: options.files.esiti,
    pratiche,
    cittadini,
    catalogue,
    carta,
    clock: options.clock,
    log: options.log ?? createLogger({ level: 'error', sink: () => {} }),
    currentCitizen: options.currentCitizen,
    codiceFiscaleEnte: options.codiceFiscaleEnte ?? null,
  });
  const messaggi = createMessaggi({ repo: repos.messaggi, pratiche: praticheRepo, outbox: repos.outbox, allegati: blobs, esiti: options.files.esiti, clock: options.clock, ...(options.events ? { events: options.events } : {}) });
  const appuntamenti = createAppuntamenti({ pratiche: praticheRepo, remote: remoteRepo, outbox: repos.outbox, clock: options.clock, ...(options.events ? { events: options.events } : {}) });
  const leMiePratiche = createLeMiePratiche({
    repo: praticheRepo,
    catalogueRepo,
    nonLetti: messaggi.nonLetti,
    portale: (p) => {
      const remote = remoteRepo.get(p.id);
      // Only a sent pratica without the portal's appointment may have a slot still to confirm: its data is read for that one only,
      // and not for one that is over (no slot to confirm or book again) or was emptied when its citizen was forgotten (no data left).
      const inAttesa = p.submittedAt !== null && !remote?.appuntamenti.length && !remote?.final && !p.citizenCf.startsWith(PREFISSO_PSEUDONIMO);
      const chiesta = inAttesa ? praticheRepo.get(p.id, p.citizenCf) : undefined;
      const attesa = chiesta ? prenotazione(chiesta, remote) : null;
      return {
        protocolNumber: remote?.protocolNumber ?? null,
        prossimoAppuntamento: remote ? prossimoAppuntamento(remote.appuntamenti, options.clock.now()) : null,
        prenotazione: attesa && { dal: attesa.dal, stato: attesa.stato },
      };
    },
  });
  return {
    db,
    catalogueRepo,
    praticheRepo,
    catalogue,
    pratiche,
    allegati,
    cittadini,
    firma,
    messaggi,
    handlers: {
      ...firma.handlers,
      ...catalogueHandlers(catalogue),
      ...praticheHandlers({ pratiche, allegati, cittadini, leMiePratiche, appuntamenti, currentCitizen: options.currentCitizen, preparaInvio: firma.firma.perConto }),
      ...messaggiHandlers(messaggi, options.currentCitizen),
    },
    close: () => db.close(),
  };
}

export type PraticheModule = ReturnType<typeof createPraticheModule>;
