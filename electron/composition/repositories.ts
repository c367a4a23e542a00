/**
 * Every repository over the one open database, built once here and handed to the areas: two
 * areas never hold two differently built repositories of one table (on a kiosk the pratiche's
 * is the one that knows the citizen's alias and the card's seal).
 */
import type { Db } from '../core/store/database';
import { createAllegatiRepo } from '../core/store/allegati-repo';
import { createCittadiniRepo } from '../core/store/cittadini-repo';
import { createMessaggiRepo } from '../core/store/messaggi-repo';
import { createModuliFirmatiRepo } from '../core/store/moduli-firmati-repo';
import { createModuliPerContoRepo } from '../core/store/moduli-per-conto-repo';
import { createOutboxRepo } from '../core/store/outbox-repo';
import { createPraticheRepo } from '../core/store/pratiche-repo';
import { createRemoteRepo } from '../core/store/remote-repo';
import type { TextSealer } from '../core/store/text-sealer';
import { createCatalogueRepo } from '../core/catalogue/catalogue-repo';

export interface KioskPrivacy {
  /** The name a forgotten citizen's sent pratiche are kept under (pratiche/oblio-chiosco.ts). */
  alias?: (codiceFiscale: string) => string | null;
  /** Drafts' free texts and documents' names sealed with the citizen's card (pratiche/cassetta-bozze.ts). */
  sealer?: TextSealer;
}

export function createRepositories(db: Db, kiosk: KioskPrivacy = {}) {
  return {
    outbox: createOutboxRepo(db),
    remote: createRemoteRepo(db),
    pratiche: createPraticheRepo(db, kiosk.alias, kiosk.sealer),
    catalogue: createCatalogueRepo(db),
    cittadini: createCittadiniRepo(db),
    allegati: createAllegatiRepo(db, kiosk.sealer),
    moduliFirmati: createModuliFirmatiRepo(db),
    moduliPerConto: createModuliPerContoRepo(db),
    messaggi: createMessaggiRepo(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
