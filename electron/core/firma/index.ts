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
import type { ModuliFirmatiRepo } from '../store/moduli-firmati-repo';
import type { ModuliPerContoRepo } from '../store/moduli-per-conto-repo';
import type { RemoteRepo } from '../store/remote-repo';
import type { CartaFirmataria } from './carta';
import { createDocumentiFirma } from './documenti';
import { createFirmaPratica } from './firma-pratica';
import { firmaHandlers } from './handlers';

/** The signed module in submissions; built before the pratiche service, which needs it at submission. */
export { createFirmaInvio } from './invio';

export function createFirmaArea(deps: {
  remote: RemoteRepo;
  moduli: ModuliFirmatiRepo;
  perConto: ModuliPerContoRepo;
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
  /** The comune's codice fiscale, for the pagoPA notice's QR code (configuration). */
  codiceFiscaleEnte: string | null;
}) {
  const firma = createFirmaPratica(deps);
  const documenti = createDocumentiFirma(deps);
  return { firma, documenti, handlers: firmaHandlers({ firma, documenti, currentCitizen: deps.currentCitizen }) };
}

export type { CartaFirmataria } from './carta';
