/**
 * A SoftHSM2 token in a temporary directory, holding a CNS-shaped key and
 * certificate: a real PKCS#11 module for CI. SoftHSM2 never locks a PIN, so PIN
 * lockout is tested against the emulated card through OpenSC instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createTestCa, issueCitizenCertificate } from '../../../native/test-pki';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';
export const TOKEN_LABEL = 'sportello-test';
export const USER_PIN = '12345';

export interface SoftHsmToken {
  readonly confPath: string;
  readonly certificatePem: string;
  readonly certificateDer: Uint8Array;
  remove(): void;
}

export function createSoftHsmToken(): SoftHsmToken {
  if (!existsSync(SOFTHSM_MODULE)) throw new Error(`SoftHSM2 is not installed (${SOFTHSM_MODULE}): apt-get install softhsm2`);
  const dir = mkdtempSync(join(tmpdir(), 'sportello-softhsm-'));
  const confPath = join(dir, 'softhsm2.conf');
  writeFileSync(confPath, `directories.tokendir = ${dir}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { ...process.env, SOFTHSM2_CONF: confPath };
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', TOKEN_LABEL, '--so-pin', '87654321', '--pin', USER_PIN], { env, stdio: 'pipe' });
  const card = issueCitizenCertificate(createTestCa());
  writeFileSync(join(dir, 'key.pem'), card.key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(join(dir, 'cert.der'), card.certificateDer);
  execFileSync('softhsm2-util', ['--import', join(dir, 'key.pem'), '--token', TOKEN_LABEL, '--label', 'cns', '--id', '01', '--pin', USER_PIN], { env, stdio: 'pipe' });
  execFileSync(
    'pkcs11-tool',
    ['--module', SOFTHSM_MODULE, '--token-label', TOKEN_LABEL, '--login', '--pin', USER_PIN, '--write-object', join(dir, 'cert.der'), '--type', 'cert', '--id', '01', '--label', 'cns'],
    { env, stdio: 'pipe' },
  );
  rmSync(join(dir, 'key.pem'));
  return { confPath, certificatePem: card.certificatePem, certificateDer: card.certificateDer, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
