/**
 * `npm run card -- info` / `npm run card -- pin-status` [--reader <text>] [--ca <bundle.pem>]
 *
 * Prints as JSON what the app reads from the card in a reader: for desk staff
 * and to diagnose a kiosk. Never asks for or prints a PIN. Exit code 0 when the
 * card was read, 1 otherwise (the JSON then carries the error). `info` also says
 * which PKCS#11 module signing would open and why (`moduloPkcs11`), card or not:
 * the one in the configuration file (SPORTELLO_CONFIG), else the one discovered.
 */
import { ReaderMonitor } from '../../native/pcsc/monitor';
import { toHex } from '../../native/apdu/command';
import { CardError } from '../../native/apdu/errors';
import { readCard, type CnsIdentity } from '../../native/cns/identify';
import { caricaFiducia } from '../core/pki/fiducia';
import { fiduciaCarta } from '../core/pki/fiducia-carta';
import { crossCheck } from '../../native/cns/cross-check';
import { identifyCard } from '../../native/cns/card-profile';
import { CLASSIC_MAP, pinReference, pukReference } from '../../native/cns/file-map';
import { CnsPin } from '../../native/cns/pin';
import { formatPath } from '../../native/cns/files';
import { configPath, loadConfig } from '../core/config/load';
import { findEngine } from '../adapters/cns-login/engine-login';
import { chooseModule } from '../../native/pkcs11/discovery';
import { describeModuleChoice, type ModuleReport } from '../../native/pkcs11/module-report';

/** pcscd lists readers and cards within a few hundred ms; a loaded machine may take seconds. */
const WAIT_FOR_CARD_MS = 6000;

async function readerWithCard(monitor: ReaderMonitor): Promise<ReturnType<ReaderMonitor['list']>[number] | undefined> {
  const deadline = Date.now() + WAIT_FOR_CARD_MS;
  for (;;) {
    const found = monitor.list().find((r) => r.atr !== null);
    if (found || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function describeIdentity(identity: CnsIdentity, ca: string | undefined) {
  let coerenza: { ok: true } | { ok: false; code: string; message: string } = { ok: true };
  try {
    // The same CAs as the app: the shipped Italian list, plus --ca when given (a test CA, a new issuer).
    const trust = fiduciaCarta(caricaFiducia({ caBundlePath: ca ?? null, caBundleMode: 'add' }), () => new Date());
    crossCheck({ ...identity, now: new Date(), trust });
  } catch (error) {
    if (!(error instanceof CardError)) throw error;
    coerenza = { ok: false, code: error.code, message: error.message };
  }
  const { profile, certificate } = identity;
  return {
    carta: {
      atr: profile.atrHex,
      produttoreChip: profile.chipMaker,
      produttoreMaschera: profile.maskMaker,
      firmware: profile.firmware.toString(16).padStart(4, '0'),
      versioneCns: profile.cnsVersion.toString(16),
      layout: profile.layout,
      seriale: identity.serial,
      fileCertificato: formatPath(identity.fileMap.certificate),
      riferimentoChiave: identity.fileMap.keyReference,
    },
    datiPersonali: identity.datiPersonali,
    certificato: {
      cn: certificate.subjectCommonName,
      emittente: certificate.issuer,
      numeroSerie: certificate.serialNumberHex,
      validoDal: certificate.notBefore.toISOString(),
      validoAl: certificate.notAfter.toISOString(),
      byte: certificate.der.length,
    },
    coerenza,
    verificaCatena: ca ? 'eseguita' : 'non eseguita (nessun --ca)',
  };
}

/** Reads the configuration file only for pkcs11.modulePath; a broken file is the answer then. */
function moduleReport(): ModuleReport | { configurazione: string; errore: string } {
  const file = configPath();
  try {
    return describeModuleChoice(chooseModule({ configured: loadConfig(file).pkcs11.modulePath }));
  } catch (error) {
    return { configurazione: file, errore: (error as Error).message };
  }
}

/**
 * What the home login (TLS with the card's key) needs besides the module: in Node, OpenSSL's
 * PKCS#11 engine; in Electron, the platform's smart-card stack (README, "A casa").
 */
function homeLoginReport(): string {
  const engine = findEngine();
  return engine
    ? `motore PKCS#11 di OpenSSL: ${engine} (accesso al portale con la carta dal browser host)`
    : "motore PKCS#11 di OpenSSL non trovato (libengine-pkcs11-openssl): l'accesso al portale con la carta funziona solo nell'app Electron, tramite il sistema operativo";
}

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command !== 'info' && command !== 'pin-status') {
    process.stderr.write('uso: npm run card -- info|pin-status [--reader <testo>] [--ca <bundle.pem>]\n');
    return 2;
  }
  const monitor = new ReaderMonitor({ nameFilter: argument('--reader') ?? null });
  monitor.start();
  try {
    const withCard = await readerWithCard(monitor);
    if (!monitor.serviceAvailable) throw new CardError('lettore-non-disponibile', 'Servizio lettore non disponibile (pcscd non risponde).');
    const readers = monitor.list();
    if (!withCard) {
      throw new CardError('carta-assente', readers.length === 0 ? 'Nessun lettore collegato.' : `Nessuna carta nei lettori: ${readers.map((r) => r.name).join(', ')}.`);
    }
    const transport = monitor.card(withCard.name);
    const output =
      command === 'info'
        ? { lettore: withCard.name, ...describeIdentity(await transport.transaction((t) => readCard(t)), argument('--ca')) }
        : await transport.transaction(async (t) => {
            const profile = identifyCard(t.atr);
            const pin = new CnsPin(t, { pin: pinReference(CLASSIC_MAP, profile), puk: pukReference(CLASSIC_MAP, profile) });
            return { lettore: withCard.name, atr: toHex(t.atr), pin: await pin.status('pin'), puk: await pin.status('puk') };
          });
    process.stdout.write(JSON.stringify(command === 'info' ? { ...output, moduloPkcs11: moduleReport(), accessoCasa: homeLoginReport() } : output, null, 2) + '\n');
    return 0;
  } catch (error) {
    const shown = error instanceof CardError ? { code: error.code, message: error.message } : { code: 'errore-interno', message: String(error) };
    process.stdout.write(JSON.stringify(command === 'info' ? { error: shown, moduloPkcs11: moduleReport(), accessoCasa: homeLoginReport() } : { error: shown }, null, 2) + '\n');
    return 1;
  } finally {
    monitor.stop();
  }
}

void main().then((code) => process.exit(code));
