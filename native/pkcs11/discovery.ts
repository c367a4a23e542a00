/**
 * Where PKCS#11 modules for Italian cards live on each OS. The configured module
 * (pkcs11.modulePath) comes first; then OpenSC, the vendors' modules (bit4id, Athena,
 * Incard, Siemens, the Lombardia CRS manager) and the CIE module, in that order: OpenSC
 * reads most CNS, and the vendors' modules cover the lots OpenSC does not read yet.
 * `chooseModule` is what the app opens: the configured module alone when there is one.
 */
import { existsSync } from 'node:fs';
import { CardError } from '../apdu/errors';

const CANDIDATES: Record<'linux' | 'win32' | 'darwin', readonly string[]> = {
  linux: [
    '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
    '/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so',
    '/usr/lib/opensc-pkcs11.so',
    '/usr/lib/libbit4xpki.so',
    '/usr/lib/libbit4ipki.so',
    '/usr/lib/bit4id/libbit4xpki.so',
    '/usr/lib/bit4id/libbit4opki.so',
    '/usr/lib/libASEP11.so',
    '/usr/local/lib/libcie-pkcs11.so',
  ],
  win32: [
    'C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll',
    'C:\\Windows\\System32\\bit4xpki.dll',
    'C:\\Windows\\System32\\asepkcs.dll',
    'C:\\Windows\\System32\\stPKCS11.dll',
    'C:\\Windows\\System32\\siecap11.dll',
    'C:\\Windows\\System32\\incryptoki2.dll',
    'C:\\Windows\\System32\\CIEPKI.dll',
  ],
  darwin: [
    '/Library/OpenSC/lib/opensc-pkcs11.so',
    '/usr/local/lib/libbit4xpki.dylib',
    '/Library/Application Support/Athena/libASEP11.dylib',
    '/Library/ipzs/libcie-pkcs11.dylib',
  ],
};

export interface DiscoveryOptions {
  readonly configured?: string | null;
  readonly platform?: NodeJS.Platform;
  readonly exists?: (path: string) => boolean;
}

/** Every known module path for the platform, configured first (whether or not it exists). */
export function candidateModules(options: DiscoveryOptions = {}): string[] {
  const platform = options.platform ?? process.platform;
  const known = platform === 'win32' || platform === 'darwin' ? CANDIDATES[platform] : CANDIDATES.linux;
  return [...(options.configured ? [options.configured] : []), ...known];
}

/** The candidate modules present on this machine, in order of preference. */
export function discoverModules(options: DiscoveryOptions = {}): string[] {
  const exists = options.exists ?? existsSync;
  return candidateModules(options).filter((path) => exists(path));
}

/**
 * Which module the app opens, and why. A configured module is used as it is: when it
 * is missing the app says so rather than silently opening another one (the installer
 * named it for a reason: the vendor's module for cards OpenSC does not read).
 */
export type ModuleChoice =
  | { readonly kind: 'configured'; readonly path: string }
  | { readonly kind: 'configured-missing'; readonly path: string }
  | { readonly kind: 'discovered'; readonly path: string }
  | { readonly kind: 'none'; readonly searched: readonly string[] };

export function chooseModule(options: DiscoveryOptions = {}): ModuleChoice {
  const exists = options.exists ?? existsSync;
  const configured = options.configured?.trim();
  if (configured) return exists(configured) ? { kind: 'configured', path: configured } : { kind: 'configured-missing', path: configured };
  const searched = candidateModules({ ...options, configured: null });
  const found = searched.find((path) => exists(path));
  return found ? { kind: 'discovered', path: found } : { kind: 'none', searched };
}

/** The path of the chosen module, or the 'modulo-pkcs11-assente' error a person can act on. */
export function modulePathOf(choice: ModuleChoice): string {
  switch (choice.kind) {
    case 'configured':
    case 'discovered':
      return choice.path;
    case 'configured-missing':
      return unavailable(
        `Il modulo di firma indicato nella configurazione (pkcs11.modulePath) non esiste: ${choice.path}. Correggi il percorso, oppure togli l'impostazione (null) per usare un modulo installato.`,
      );
    case 'none':
      return unavailable(
        'Nessun modulo di firma della carta (PKCS#11) è installato su questo computer: installa OpenSC o il software del produttore della carta, oppure indicane il percorso in pkcs11.modulePath.',
      );
  }
}

function unavailable(message: string): never {
  throw new CardError('modulo-pkcs11-assente', message);
}
