/**
 * `npm run card -- info` says which PKCS#11 module signing would open and why, from
 * pkcs11.modulePath of the configuration file (SPORTELLO_CONFIG), card or no card.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startPcscd } from '../../rig/pcscd';
import { SOFTHSM_MODULE } from './softhsm';

const CLI = join(__dirname, '../../../electron/cli/card.ts');
const OPENSC = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
/** Configured on purpose: a module present here that discovery would not choose (OpenSC comes first). */
const CONFIGURED = SOFTHSM_MODULE;
const dir = mkdtempSync(join(tmpdir(), 'sportello-cli-modulo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configWith(name: string, modulePath: string | null): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ pkcs11: { modulePath } }));
  return file;
}

/** `info` on a reader that is not there: the card part fails, the module part is still told. */
function info(configFile: string): Promise<{ code: number; json: { error?: { code: string }; moduloPkcs11?: Record<string, unknown>; accessoCasa?: string } }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, 'info', '--reader', 'nessun lettore con questo nome'],
      { encoding: 'utf8', timeout: 30_000, env: { ...process.env, SPORTELLO_CONFIG: configFile } },
      (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, json: JSON.parse(stdout) }),
    ),
  );
}

describe('card CLI: the PKCS#11 module', () => {
  it('reports the configured module, a configured one that is missing, and the discovered one when none is configured', async () => {
    await startPcscd();
    const [configured, missing, discovered] = await Promise.all([
      info(configWith('configurato', CONFIGURED)),
      info(configWith('assente', '/opt/nessuno/modulo-pkcs11.so')),
      info(join(dir, 'nessun-file.json')),
    ]);
    expect(configured.code).toBe(1);
    expect(configured.json.error?.code).toBe('carta-assente');
    expect(configured.json.moduloPkcs11).toEqual({ stato: 'configurato', percorso: CONFIGURED, motivo: 'indicato nella configurazione (pkcs11.modulePath)' });
    // What the home login needs besides the module (libengine-pkcs11-openssl, installed by CI).
    expect(configured.json.accessoCasa).toMatch(/^motore PKCS#11 di OpenSSL: \/.*pkcs11\.so/);
    expect(missing.json.moduloPkcs11).toMatchObject({
      stato: 'configurato-assente',
      percorso: null,
      motivo: expect.stringMatching(/^Il modulo di firma indicato nella configurazione \(pkcs11\.modulePath\) non esiste: \/opt\/nessuno\/modulo-pkcs11\.so\./),
    });
    expect(discovered.json.moduloPkcs11).toMatchObject({ stato: 'trovato', percorso: OPENSC });
  }, 60_000);

  it('names a configuration file that does not load instead of a module', async () => {
    const broken = join(dir, 'rotto.json');
    writeFileSync(broken, '{ "pkcs11": ');
    const { json } = await info(broken);
    expect(json.moduloPkcs11).toMatchObject({ configurazione: broken, errore: expect.stringContaining('non è JSON valido') });
  }, 60_000);
});
