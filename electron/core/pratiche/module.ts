/**
 * Builds the store, catalogue and pratiche services over the open database, for the
 * composition root and for tests that want the whole area as the app runs it.
 */
import { createCatalogue } from '../catalogue/catalogue';
import { createFirmaArea, createFirmaInvioArea, type CartaFirmataria } from '../firma';
import { createLogger, type Logger } from '../log/logger';
import { catalogueHandlers } from '../catalogue/handlers';
import type { Clock } from '../ports/clock';
import { createAllegatiRepo } from '../store/allegati-repo';
import { createCatalogueRepo } from '../store/catalogue-repo';
import { createCittadiniRepo } from '../store/cittadini-repo';
import type { Db } from '../store/database';
import { createPraticheRepo } from '../store/pratiche-repo';
import { createRemoteRepo } from '../store/remote-repo';
import { createAllegati } from './allegati/allegati';
import type { FileStores } from '../store/blob-store';
import type { TextSealer } from '../store/text-sealer';
import type { CurrentCitizen } from './citizen';
import { createCittadini } from './cittadini';
import { praticheHandlers } from './handlers';
import { createLeMiePratiche } from './le-mie-pratiche';
import { createPratiche } from './pratiche';
import type { Pseudonimo } from './pseudonimo';

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
  const pratiche = createPratiche({ repo: praticheRepo, allegati: allegatiRepo, cittadini, catalogue, clock: options.clock, firma: firmaInvio, portale });
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
