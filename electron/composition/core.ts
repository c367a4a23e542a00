/**
 * The composition root of core: builds every service from the configuration and
 * returns one dispatch function and one event bus. Electron main and the browser
 * host both call this and differ only in the transport they put in front of it.
 */
import { calls, events, type Calls, type Events } from '../shared/contract';
import type { Handlers } from '../shared/contract/define';
import { createDispatch, type Dispatch } from '../core/api/dispatch';
import { createEventBus, type EventBus } from '../core/api/event-bus';
import { createDomainEvents } from '../core/api/domain-events';
import type { Config } from '../core/config/schema';
import type { Logger } from '../core/log/logger';
import { systemClock, type Clock } from '../core/ports/clock';
import { appHandlers } from '../core/app/handlers';
import type { PrinterPort } from '../core/ports/printer';
import type { CardPortFactory } from '../core/ports/card';
import type { Keystore } from '../core/ports/keystore';
import { createIdentitySession, cardHandlers } from '../core/identity';
import { createNativeCardPort } from '../adapters/card/native-card-port';
import { issuerFromConfig } from '../adapters/issuer/issuer-from-config';
import { portalFromConfig } from '../adapters/portal/portal-from-config';
import { documentsHandlers } from '../core/documents/handlers';
import { openDatabase } from '../core/store/database';
import { lockDataDirectory } from '../core/store/instance-lock';
import { scheduleBackups } from '../core/store/backup-schedule';
import { createSyncArea } from '../core/sync/area';
import { createOblioChiosco } from '../core/pratiche/oblio-chiosco';
import { createCassettaBozze } from '../core/pratiche/cassetta-bozze';
import type { Db } from '../core/store/database';
import type { IdentitySession } from '../core/identity/session';
import { pseudonimoDi, type Pseudonimo } from '../core/pratiche/pseudonimo';
import { fileKeystore } from '../core/keystore/file-keystore';
import { databaseLocation, directoryKey } from '../core/keystore/directory-key';
import { fileStoresOf, type FileStores } from '../core/store/blob-store';
import { rimuoviFileOrfani } from '../core/store/file-orfani';
import { prepareFormLogic } from '../core/catalogue/forms/form-logic';
import { bundledCatalogueDir, importBundledCatalogue } from '../core/catalogue/bundled';
import { createPraticheModule } from './pratiche-area';
import { createRepositories } from './repositories';
import { citizenFromCard, type CurrentCitizen } from '../core/pratiche/citizen';
import { syncHandlers } from '../core/sync/handlers';
import { createDeskArea, deskHandlers } from '../core/desk';
import { createFormHelper, createFormHelperCache, moduliHandlers } from '../core/catalogue/form-helper';
import { formHelperPortalOf } from '../adapters/portal/form-helper-portal';
import { createAccessoCarta, type AccessoCarta } from '../core/sync/accesso-carta';
import type { CnsLoginPort } from '../core/ports/cns-login';
import { createEngineLogin } from '../adapters/cns-login/engine-login';
import { cnsLoginUrlOf } from '../adapters/portal/portal-from-config';
import type { ConfiguredPortal, SyncArea } from '../core/sync/area';
import { createDocumentiComune } from '../core/documenti-comune/documenti-comune';
import { documentiComuneHandlers } from '../core/documenti-comune/handlers';
import { createPraticheConcluse } from '../core/pratiche/pratiche-concluse';
import { praticheConcluseHandlers } from '../core/pratiche/pratiche-concluse-handlers';
import { trustedCas } from '../core/sync/area';

export interface CoreOptions {
  config: Config;
  log: Logger;
  version: string;
  /** Where the database, attachments and logs live (already created). */
  dataDir: string;
  clock?: Clock;
  /** Silent printing (Electron main passes the system printer; the browser host none). */
  printer?: PrinterPort;
  /** The card readers; defaults to the machine's PC/SC readers (tests and demos pass their own). */
  cardPortFactory?: CardPortFactory;
  /** Where keys kept outside the data directory live (Electron: the OS keystore); default: key files. */
  keystore?: Keystore;
  /** Home: how the card's key logs in to the portal (Electron: Chromium's; default: OpenSSL's engine). */
  cnsLogin?: CnsLoginPort;
}

export interface Core {
  dispatch: Dispatch;
  events: EventBus<Events>;
  dispose(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  // Forms' own rules run in the sandbox; validation needs it loaded before any call.
  await prepareFormLogic();
  // Before anything touches the directory: a second instance stops here, having changed nothing.
  const lock = lockDataDirectory(options.dataDir);
  const disposers: (() => Promise<void> | void)[] = [() => lock.release()];
  const dispose = async (): Promise<void> => {
    for (const step of disposers.splice(0).reverse()) await step();
  };
  try {
    return await assemble(options, disposers, dispose);
  } catch (error) {
    // A start that fails half-way leaves nothing running and the directory unlocked.
    await dispose().catch(() => undefined);
    throw error;
  }
}

async function assemble(options: CoreOptions, disposers: (() => Promise<void> | void)[], dispose: () => Promise<void>): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const bus = createEventBus(events);

  const identity = createIdentitySession({
    config: options.config,
    bus,
    log: options.log.child('identity'),
    clock,
    cardPortFactory: options.cardPortFactory ?? createNativeCardPort,
  });
  identity.start();
  disposers.push(() => identity.stop());

  const keystore = options.keystore ?? fileKeystore();
  const avvisi: string[] = [];
  const db = openDatabase(
    databaseLocation(options.dataDir, keystore),
    {
      recovery: {
        notice: (message) => {
          avvisi.push(message);
          options.log.warn('archivio ripristinato', { avviso: message });
        },
      },
    },
  );
  disposers.push(() => void db.close());
  const files = fileStoresOf(options.dataDir, directoryKey(keystore, 'file', options.dataDir));
  sweepOrphanFiles(db, files, options.log);
  const backups = scheduleBackups(db, options.dataDir, options.log.child('copie'));
  disposers.push(() => backups.stop());
  const domainEvents = createDomainEvents();
  const pseudonimo = options.config.mode === 'kiosk' ? pseudonimoDi(keystore, options.dataDir) : undefined;
  const cassetta = options.config.mode === 'kiosk' ? draftVault(options, keystore, bus, identity) : undefined;
  if (cassetta) disposers.push(cassetta.dispose);
  const repos = createRepositories(db, { ...(pseudonimo ? { alias: pseudonimo } : {}), ...(cassetta ? { sealer: cassetta.sealer } : {}) });
  let sync: SyncArea | null = null;
  const portal = configuredPortal(options, identity, bus, clock, () => sync?.announce());
  if (portal?.accesso) disposers.push(() => portal.accesso?.chiudi());
  sync = createSyncArea({
    config: options.config,
    events: domainEvents,
    portal,
    repos,
    files,
    log: options.log.child('sync'),
    clock,
    publish: (status) => bus.emit('sync.status', status),
    announceChange: (praticaId) => bus.emit('sync.pratica', { praticaId }),
  });
  sync.start();
  disposers.push(() => sync.stop());
  if (pseudonimo) disposers.push(forgetDepartedCitizens(options, db, files, bus, identity, clock, pseudonimo));

  const desk = createDeskArea({
    config: options.config,
    db,
    dataDir: options.dataDir,
    keystore,
    clock,
    log: options.log.child('desk'),
    carta: identity,
    issuer: issuerFromConfig(options.config),
    ...(options.config.mode === 'desk' ? { events: domainEvents } : {}),
  });
  const isDesk = options.config.mode === 'desk';

  // At a desk the operator acts for the citizen of the card (or of a checked codice fiscale).
  const currentCitizen: CurrentCitizen = isDesk ? (context) => desk.assistiti.richiesto(context) : () => citizenFromCard(identity.current());
  const praticheArea = createPraticheModule({
    db,
    files,
    clock,
    currentCitizen,
    carta: identity,
    log: options.log.child('firma'),
    repos,
    events: domainEvents,
    codiceFiscaleEnte: options.config.comune.codiceFiscale ?? null,
    ...(cassetta ? { documentSealer: cassetta.sealer.documenti } : {}),
  });
  if (options.config.portal === null) {
    const report = importBundledCatalogue(praticheArea.catalogueRepo, bundledCatalogueDir(options.config.comune.id), clock);
    if (report && report.problems.length > 0) options.log.warn('catalogo dimostrativo: moduli non importati', { problems: report.problems });
  }

  const formHelper = createFormHelper({
    portal: formHelperPortalOf(portal),
    catalogue: options.config.portal === null ? praticheArea.catalogueRepo : null,
    cache: createFormHelperCache(db),
    clock,
    log: options.log.child('moduli'),
  });

  const handlers: Handlers<Calls> = {
    ...appHandlers({
      config: options.config,
      version: options.version,
      demo: options.config.portal === null,
      clock,
      avvisi,
      ...(options.printer ? { printer: options.printer } : {}),
    }),
    ...cardHandlers(identity),
    ...documentsHandlers({ config: options.config, clock }),
    ...syncHandlers(sync),
    ...praticheArea.handlers,
    ...deskHandlers(desk, { enabled: isDesk }),
    ...moduliHandlers(formHelper),
    ...documentiComuneHandlers(createDocumentiComune({ portal: portal?.client ?? null }), currentCitizen),
    // At home the device keeps a final pratica `retentionDays` (90), and the citizen's own token reads the rest on the portal's site.
    ...praticheConcluseHandlers(
      createPraticheConcluse({ portal: options.config.mode === 'home' ? null : (portal?.client ?? null), pratiche: repos.pratiche, remote: repos.remote, fidati: trustedCas(options.config), now: () => clock.now() }),
      currentCitizen,
    ),
  };
  return {
    dispatch: createDispatch(calls, handlers, options.log.child('api')),
    events: bus,
    dispose,
  };
}

/**
 * The portal and who sync speaks to it as. At home that is the citizen of the card: the PIN
 * verified on the card opens the card's key for the portal's CNS login, and when the session is
 * no longer authenticated (card out, Esci) the key, the portal's session and its token go.
 */
function configuredPortal(options: CoreOptions, identity: IdentitySession, bus: EventBus<Events>, clock: Clock, announce: () => void): ConfiguredPortal | null {
  const loginUrl = cnsLoginUrlOf(options.config);
  if (options.config.mode !== 'home' || loginUrl === null) return portalFromConfig(options.config);
  let portal: ConfiguredPortal | null = null;
  const accesso: AccessoCarta = createAccessoCarta({
    login: options.cnsLogin ?? createEngineLogin({ modulePath: options.config.pkcs11.modulePath }),
    loginUrl,
    sessionToken: (cookies) => portal!.client.sessionToken(cookies),
    clock,
    log: options.log.child('accesso'),
    onChange: announce,
  });
  portal = portalFromConfig(options.config, accesso);
  identity.onPinVerified((card, reader, pin) => void accesso.apri(card, reader, pin).catch((error: unknown) => options.log.error('accesso al portale con la carta: errore interno', { error })));
  identity.onCardNeeded(() => accesso.rilascia());
  bus.subscribe((event, payload) => {
    if (event === 'card.session' && (payload as { state?: string } | null)?.state !== 'autenticata' && accesso.cittadino() !== null) void accesso.chiudi();
  });
  return portal;
}

/**
 * A kiosk forgets each citizen once their card is out and their submissions are on the portal
 * (pratiche/oblio-chiosco.ts): at start, when a card leaves, when sync reports a change.
 * Returns the unsubscribe for disposal.
 */
/** The kiosk's draft vault: unlocked by each verified PIN, locked as soon as the session is no longer authenticated. */
function draftVault(options: CoreOptions, keystore: Keystore, bus: EventBus<Events>, identity: IdentitySession) {
  const cassetta = createCassettaBozze({ installationKey: directoryKey(keystore, 'bozze', options.dataDir), log: options.log.child('bozze') });
  identity.onAuthenticated((card, signer) => cassetta.unlock(card.codiceFiscale, signer));
  const unsubscribe = bus.subscribe((event, payload) => {
    if (event === 'card.session' && (payload as { state?: string } | null)?.state !== 'autenticata') cassetta.lock();
  });
  return {
    sealer: cassetta,
    dispose: () => {
      unsubscribe();
      cassetta.lock();
    },
  };
}

/** Before anything writes: the files a crash left with no row naming them go (store/file-orfani.ts). */
function sweepOrphanFiles(db: Db, files: FileStores, log: Logger): void {
  try {
    const removed = rimuoviFileOrfani(db, files);
    if (removed.allegati + removed.esiti > 0) log.info('file senza riferimenti eliminati all\'avvio', removed);
  } catch (error) {
    // A file kept is harmless until the next start; the app must not stop for it.
    log.error('pulizia dei file senza riferimenti non riuscita', { error });
  }
}

function forgetDepartedCitizens(options: CoreOptions, db: Db, files: FileStores, bus: EventBus<Events>, identity: IdentitySession, clock: Clock, pseudonimo: Pseudonimo): () => void {
  const log = options.log.child('oblio');
  const oblio = createOblioChiosco({
    db,
    dataDir: options.dataDir,
    allegati: files.allegati,
    esiti: files.esiti,
    clock,
    log,
    present: () => identity.current()?.identity.codiceFiscale ?? null,
    pseudonimo,
    draftRetentionDays: options.config.draftRetentionDays,
  });
  const forget = (): void => {
    try {
      oblio.run();
    } catch (error) {
      // Tried again at the next trigger; the citizen in front of the kiosk must not see it.
      log.error('eliminazione dei dati dei cittadini usciti non riuscita', { error });
    }
  };
  forget();
  return bus.subscribe((event, payload) => {
    const cardOut = event === 'card.session' && (payload as { state?: string } | null)?.state === 'nessuna-carta';
    if (cardOut || event === 'sync.status') forget();
  });
}
