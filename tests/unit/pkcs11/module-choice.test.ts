/** Which PKCS#11 module the app opens: pkcs11.modulePath when set, discovery when null, a clear error otherwise. */
import { describe, expect, it } from 'vitest';
import { chooseModule, modulePathOf } from '../../../native/pkcs11/discovery';
import { describeModuleChoice } from '../../../native/pkcs11/module-report';
import { firmaConCartaVirtuale } from '../../../electron/adapters/demo/carta-virtuale-demo';
import { cardErrorThrownBy } from '../../support/card-error';

const OPENSC = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
const BIT4ID = '/usr/lib/bit4id/libbit4opki.so';
const present = (...paths: string[]) => (path: string) => paths.includes(path);

describe('chooseModule', () => {
  it('uses the configured module, even when discovery would find another', () => {
    const choice = chooseModule({ configured: '/opt/vendor/p11.so', platform: 'linux', exists: present('/opt/vendor/p11.so', OPENSC) });
    expect(choice).toEqual({ kind: 'configured', path: '/opt/vendor/p11.so' });
    expect(modulePathOf(choice)).toBe('/opt/vendor/p11.so');
  });

  it('refuses a configured module that does not exist, in Italian, instead of opening another one', () => {
    const choice = chooseModule({ configured: '/opt/manca.so', platform: 'linux', exists: present(OPENSC) });
    expect(choice).toEqual({ kind: 'configured-missing', path: '/opt/manca.so' });
    const error = cardErrorThrownBy(() => modulePathOf(choice));
    expect(error.code).toBe('modulo-pkcs11-assente');
    expect(error.message).toBe(
      "Il modulo di firma indicato nella configurazione (pkcs11.modulePath) non esiste: /opt/manca.so. Correggi il percorso, oppure togli l'impostazione (null) per usare un modulo installato.",
    );
  });

  it('discovers the first known module present when none is configured', () => {
    expect(chooseModule({ configured: null, platform: 'linux', exists: present(BIT4ID, OPENSC) })).toEqual({ kind: 'discovered', path: OPENSC });
    expect(chooseModule({ platform: 'linux', exists: present(BIT4ID) })).toEqual({ kind: 'discovered', path: BIT4ID });
  });

  it('says none is installed, and where it looked', () => {
    const choice = chooseModule({ configured: null, platform: 'win32', exists: () => false });
    expect(choice.kind).toBe('none');
    expect(cardErrorThrownBy(() => modulePathOf(choice))).toMatchObject({ code: 'modulo-pkcs11-assente', message: expect.stringMatching(/^Nessun modulo di firma/) });
  });
});

describe('the module report of `npm run card -- info`', () => {
  it('tells configured, discovered at a path, or none found, and why', () => {
    expect(describeModuleChoice({ kind: 'configured', path: '/opt/p11.so' })).toEqual({
      stato: 'configurato',
      percorso: '/opt/p11.so',
      motivo: 'indicato nella configurazione (pkcs11.modulePath)',
    });
    expect(describeModuleChoice({ kind: 'discovered', path: OPENSC })).toMatchObject({ stato: 'trovato', percorso: OPENSC, motivo: expect.stringContaining('non è impostato') });
    expect(describeModuleChoice({ kind: 'configured-missing', path: '/opt/manca.so' })).toMatchObject({
      stato: 'configurato-assente',
      percorso: null,
      motivo: expect.stringContaining('/opt/manca.so'),
    });
    expect(describeModuleChoice({ kind: 'none', searched: [OPENSC] })).toMatchObject({ stato: 'nessuno', percorso: null, cercati: [OPENSC] });
  });
});

describe('the demo signing with the virtual CNS', () => {
  it('stops at a configured module that does not exist, before starting the card', async () => {
    await expect(firmaConCartaVirtuale(1, undefined, '/nonexistent/modulo-pkcs11.so')).rejects.toMatchObject({
      code: 'modulo-pkcs11-assente',
      message: expect.stringContaining('/nonexistent/modulo-pkcs11.so'),
    });
  });
});
