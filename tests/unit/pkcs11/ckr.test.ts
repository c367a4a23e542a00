import { describe, expect, it } from 'vitest';
import { CKR, CKF_USER_PIN_COUNT_LOW, CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_LOCKED, toCardError } from '../../../native/pkcs11/ckr';
import { candidateModules, discoverModules } from '../../../native/pkcs11/discovery';

/** pkcs11js throws errors carrying the CKR value in `code`; these are shaped the same way. */
const ckr = (code: number): Error => Object.assign(new Error(`CKR ${code}`), { code });

describe('CKR codes to Italian messages', () => {
  it.each([
    [CKR.PIN_INCORRECT, CKF_USER_PIN_COUNT_LOW, 'pin-errato', 'PIN errato: 2 tentativi rimasti'],
    [CKR.PIN_INCORRECT, CKF_USER_PIN_FINAL_TRY, 'pin-errato', 'PIN errato: 1 tentativo rimasto'],
    [CKR.PIN_INCORRECT, CKF_USER_PIN_LOCKED, 'pin-bloccato', 'PIN bloccato: usa il PUK'],
    [CKR.PIN_LOCKED, 0, 'pin-bloccato', 'PIN bloccato: usa il PUK'],
    [CKR.DEVICE_REMOVED, 0, 'carta-rimossa', 'Carta rimossa: reinserisci la carta e riprova.'],
    [CKR.TOKEN_NOT_PRESENT, 0, 'carta-rimossa', 'Carta rimossa: reinserisci la carta e riprova.'],
  ])('CKR 0x%s with flags %s -> %s', (code, flags, expectedCode, message) => {
    const error = toCardError(ckr(code), flags);
    expect(error.code).toBe(expectedCode);
    expect(error.message).toBe(message);
  });

  it('names the lots OpenSC does not read (CKR_USER_PIN_NOT_INITIALIZED, CKR_GENERAL_ERROR) without internals', () => {
    expect(toCardError(ckr(CKR.USER_PIN_NOT_INITIALIZED)).message).toMatch(/software del produttore/);
    expect(toCardError(ckr(CKR.GENERAL_ERROR)).message).not.toMatch(/CKR|0x/);
  });
});

describe('module discovery', () => {
  it('puts the configured module first, then the per-OS list', () => {
    expect(candidateModules({ configured: '/opt/x.so', platform: 'linux' }).slice(0, 2)).toEqual(['/opt/x.so', '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so']);
    expect(candidateModules({ platform: 'win32' })[0]).toMatch(/opensc-pkcs11\.dll$/);
    expect(candidateModules({ platform: 'darwin' })).toContain('/Library/ipzs/libcie-pkcs11.dylib');
  });

  it('keeps only the modules present', () => {
    const present = new Set(['/usr/lib/bit4id/libbit4opki.so']);
    expect(discoverModules({ platform: 'linux', exists: (p) => present.has(p) })).toEqual(['/usr/lib/bit4id/libbit4opki.so']);
  });
});
