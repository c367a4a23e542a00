/**
 * Where PKCS#11 modules for Italian cards live on each OS. The configured module
 * comes first; then OpenSC, the vendors' modules (bit4id, Athena, Incard, Siemens,
 * the Lombardia CRS manager) and the CIE module, in that order: OpenSC reads most
 * CNS, and the vendors' modules cover the lots OpenSC does not read yet.
 */
import { existsSync } from 'node:fs';

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
