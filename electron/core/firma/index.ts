/**
 * The signing area over the pratiche area's services: signing with the card, the signed
 * module in submissions (`firmaInvio`, handed to createPratiche), receipt and documents.
 */
import type { Catalogue } from '../catalogue/catalogue';
import type { Logger } from '../log/logger';
import type { BlobStore } from '../store/blob-store';
import type { CurrentCitizen } from '../pratiche/citizen';
import type { Cittadini } from '../pratiche/cittadini';
import type { Pratiche } from '../pratiche/pratiche';
import type { Clock } from '../ports/clock';
import type { Db } from '../store/database';
import { createModuliFirmatiRepo, type ModuliFirmatiRepo } from '../store/moduli-firmati-repo';
import { createRemoteRepo } from '../store/remote-repo';
import type { CartaFirmataria } from './carta';
import { createDocumentiFirma } from './documenti';
import { createFirmaPratica } from './firma-pratica';
import { firmaHandlers } from './handlers';
import { createFirmaInvio } from './invio';

/** Built before the pratiche service, which needs it at submission. */
export function createFirmaInvioArea(db: Db, blobs: BlobStore, carta: CartaFirmataria | null) {
  const moduli = createModuliFirmatiRepo(db);
  // Signing is required wherever a card can sign; see invio.ts for the desk without a card.
  return { moduli, firmaInvio: createFirmaInvio({ moduli, blobs, obbligatoria: carta !== null }) };
}

export function createFirmaArea(deps: {
  db: Db;
  moduli: ModuliFirmatiRepo;
  blobs: BlobStore;
  /** Outcome files downloaded by sync. */
  esiti: BlobStore;
  pratiche: Pratiche;
  cittadini: Cittadini;
  catalogue: Catalogue;
  carta: CartaFirmataria | null;
  clock: Clock;
  log: Logger;
  currentCitizen: CurrentCitizen;
}) {
  const firma = createFirmaPratica(deps);
  const documenti = createDocumentiFirma({ ...deps, remote: createRemoteRepo(deps.db) });
  return { firma, documenti, handlers: firmaHandlers({ firma, documenti, currentCitizen: deps.currentCitizen }) };
}

export type { CartaFirmataria } from './carta';
