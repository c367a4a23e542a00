/**
 * Builds the store, catalogue and pratiche services over the open database, for the
 * composition root and for tests that want the whole area as the app runs it.
 */
import { createCatalogue } from '../core/catalogue/catalogue';
import { createFirmaArea, createFirmaInvioArea, type CartaFirmataria } from '../core/firma';
import { createLogger, type Logger } from '../core/log/logger';
import { catalogueHandlers } from '../core/catalogue/handlers';
import type { Clock } from '../core/ports/clock';
import { createAllegatiRepo } from '../core/store/allegati-repo';
import { createCatalogueRepo } from '../core/catalogue/catalogue-repo';
import { createCittadiniRepo } from '../core/store/cittadini-repo';
import type { Db } from '../core/store/database';
import { createPraticheRepo } from '../core/store/pratiche-repo';
import { createRemoteRepo } from '../core/store/remote-repo';
import { createAllegati } from '../core/pratiche/allegati/allegati';
import type { FileStores } from '../core/store/blob-store';
import type { TextSealer } from '../core/store/text-sealer';
import type { CurrentCitizen } from '../core/pratiche/citizen';
import { createCittadini } from '../core/pratiche/cittadini';
import { praticheHandlers } from '../core/pratiche/handlers';
import { createLeMiePratiche } from '../core/pratiche/le-mie-pratiche';
import { createPratiche } from '../core/pratiche/pratiche';
import type { Pseudonimo } from '../core/pratiche/pseudonimo';
import type { DomainEvents } from '../core/api/domain-events';

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
  /** On a kiosk: the name a forgotten citizen's sent pratiche are kept under (oblio-chiosco.ts). */
  pseudonimo?: Pseudonimo;
  /** On a kiosk: drafts sealed with the citizen's card (cassetta-bozze.ts). */
  sealer?: TextSealer;
  /** Where submissions are announced (sync listens); absent in tests of the wizard alone. */
  events?: DomainEvents;
}) {
  const db = options.db;
  const catalogueRepo = createCatalogueRepo(db);
  const praticheRepo = createPraticheRepo(db, options.pseudonimo, options.sealer);
  const catalogue = createCatalogue(catalogueRepo);
  const cittadini = createCittadini({ repo: createCittadiniRepo(db), catalogueRepo, catalogue, clock: options.clock });
  const allegatiRepo = createAllegatiRepo(db);
  const blobs = options.files.allegati;
  const carta = options.carta ?? null;
  const { moduli, firmaInvio } = createFirmaInvioArea(db, blobs, carta);
  const remoteRepo = createRemoteRepo(db);
  const portale = (praticaId: string) => {
    const remote = remoteRepo.get(praticaId);
    if (!remote) return null;
    return {
      protocolNumber: remote.protocolNumber,
      protocolledAt: remote.protocolledAt,
      outcome: remote.outcome,
      outcomeMotivation: remote.outcomeMotivation,
      outcomeFiles: remote.outcomeFiles.map((f) => ({ id: f.id, name: f.name, mimeType: f.mimeType, size: f.size })),
    };
  };
  const pratiche = createPratiche({ repo: praticheRepo, allegati: allegatiRepo, cittadini, catalogue, clock: options.clock, firma: firmaInvio, portale, ...(options.events ? { events: options.events } : {}) });
  const allegati = createAllegati({ repo: allegatiRepo, pratiche: praticheRepo, catalogue, blobs, clock: options.clock });
  const firma = createFirmaArea({
    db,
    moduli,
    blobs,
    esiti: options.files.esiti,
    pratiche,
    cittadini,
    catalogue,
    carta,
    clock: options.clock,
    log: options.log ?? createLogger({ level: 'error', sink: () => {} }),
    currentCitizen: options.currentCitizen,
  });
  const leMiePratiche = createLeMiePratiche({ repo: praticheRepo, catalogueRepo });
  return {
    db,
    catalogueRepo,
    praticheRepo,
    catalogue,
    pratiche,
    allegati,
    cittadini,
    firma,
    handlers: {
      ...firma.handlers,
      ...catalogueHandlers(catalogue),
      ...praticheHandlers({ pratiche, allegati, cittadini, leMiePratiche, currentCitizen: options.currentCitizen }),
    },
    close: () => db.close(),
  };
}

export type PraticheModule = ReturnType<typeof createPraticheModule>;
