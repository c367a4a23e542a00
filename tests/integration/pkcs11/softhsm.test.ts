import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerify } from 'node:crypto';
import { Pkcs11Token } from '../../../native/pkcs11/token';
import { createPkcs11Signer } from '../../../native/pkcs11/signer';
import { discoverModules } from '../../../native/pkcs11/discovery';
import { CardError } from '../../../native/apdu/errors';
import { createSoftHsmToken, SOFTHSM_MODULE, TOKEN_LABEL, USER_PIN, type SoftHsmToken } from './softhsm';
import { cardErrorThrownBy } from '../../support/card-error';

let hsm: SoftHsmToken;

beforeAll(() => {
  hsm = createSoftHsmToken();
  // SoftHSM reads its configuration when the module is initialised in this process.
  process.env.SOFTHSM2_CONF = hsm.confPath;
});

afterAll(() => hsm?.remove());

describe('PKCS#11 against SoftHSM2', () => {
  it('finds the configured module first', () => {
    expect(discoverModules({ configured: SOFTHSM_MODULE })[0]).toBe(SOFTHSM_MODULE);
  });

  it('finds the token, logs in and signs with CKM_SHA256_RSA_PKCS and with CKM_RSA_PKCS over a DigestInfo', async () => {
    const token = Pkcs11Token.open(SOFTHSM_MODULE, { label: TOKEN_LABEL });
    try {
      expect(token.summary().label).toBe(TOKEN_LABEL);
      token.login(USER_PIN);
      const data = Buffer.from('modulo da firmare');
      for (const mechanism of ['sha256-rsa-pkcs', 'rsa-pkcs'] as const) {
        const signer = createPkcs11Signer(token, { mechanism });
        expect(Buffer.from(await signer.certificate())).toEqual(Buffer.from(hsm.certificateDer));
        const signature = await signer.signSha256(data);
        expect(createVerify('sha256').update(data).verify(hsm.certificatePem, Buffer.from(signature))).toBe(true);
      }
    } finally {
      token.close();
    }
  });

  it('maps a wrong PIN to the Italian message, and refuses a malformed PIN before calling the module', () => {
    const token = Pkcs11Token.open(SOFTHSM_MODULE, { label: TOKEN_LABEL });
    try {
      const wrong = cardErrorThrownBy(() => token.login('99999'));
      expect(wrong.code).toBe('pin-errato');
      expect(wrong.message).toMatch(/^PIN errato/);
      expect(cardErrorThrownBy(() => token.login('12')).code).toBe('pin-formato');
    } finally {
      token.close();
    }
  });

  it('asks for the PIN before signing', async () => {
    const token = Pkcs11Token.open(SOFTHSM_MODULE, { label: TOKEN_LABEL });
    try {
      const error = await createPkcs11Signer(token, { mechanism: 'sha256-rsa-pkcs' }).signSha256(Buffer.from('x')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CardError);
      expect(['pin-richiesto', 'firma-non-riuscita']).toContain((error as CardError).code);
    } finally {
      token.close();
    }
  });

  it('changes the PIN and logs in with the new one', () => {
    const token = Pkcs11Token.open(SOFTHSM_MODULE, { label: TOKEN_LABEL });
    try {
      token.changePin(USER_PIN, '54321');
      token.login('54321');
      token.changePin('54321', USER_PIN);
    } finally {
      token.close();
    }
    const again = Pkcs11Token.open(SOFTHSM_MODULE, { label: TOKEN_LABEL });
    try {
      again.login(USER_PIN);
    } finally {
      again.close();
    }
  });

  describe('verifyPin with the card asked beside the module (a stand-in PinStatusReader)', () => {
    const status = (triesLeft: number | null, blocked = triesLeft === 0) => ({ triesLeft, blocked, verified: false });

    it('refuses before C_Login when the card says blocked: even the right PIN does not log in', async () => {
      const asked: string[] = [];
      const token = Pkcs11Token.open(SOFTHSM_MODULE, { label: TOKEN_LABEL }, { pinStatus: { userPin: async (reader) => (asked.push(reader), status(0)) } });
      try {
        await expect(token.verifyPin(USER_PIN)).rejects.toMatchObject({ code: 'pin-bloccato', message: 'PIN bloccato: usa il PUK' });
        // Asked once, about the token's own reader (its slot description).
        expect(asked.map((reader) => reader.trim())).toEqual([token.summary().slotDescription]);
        // Not logged in: C_Login never ran.
        const error = await createPkcs11Signer(token, { mechanism: 'sha256-rsa-pkcs' }).signSha256(Buffer.from('x')).catch((e: unknown) => e);
        expect(['pin-richiesto', 'firma-non-riuscita']).toContain((error as CardError).code);
      } finally {
        token.close();
      }
    });

    it('tells the tries the card reports after a wrong PIN', async () => {
      const answers = [status(3), status(1)];
      const token = Pkcs11Token.open(SOFTHSM_MODULE, { label: TOKEN_LABEL }, { pinStatus: { userPin: async () => answers.shift() ?? null } });
      try {
        await expect(token.verifyPin('99999')).rejects.toMatchObject({ code: 'pin-errato', message: 'PIN errato: 1 tentativo rimasto', triesLeft: 1 });
      } finally {
        token.close();
      }
    });

    it('does without the card when it cannot be asked, and logs in with the right PIN', async () => {
      const token = Pkcs11Token.open(SOFTHSM_MODULE, { label: TOKEN_LABEL }, { pinStatus: { userPin: () => Promise.reject(new Error('lettore assente')) } });
      try {
        await expect(token.verifyPin('99999')).rejects.toMatchObject({ code: 'pin-errato', message: expect.stringMatching(/^PIN errato/) });
        await token.verifyPin(USER_PIN);
        const signature = await createPkcs11Signer(token, { mechanism: 'sha256-rsa-pkcs' }).signSha256(Buffer.from('x'));
        expect(signature.length).toBeGreaterThan(0);
      } finally {
        token.close();
      }
    });
  });

  it('reports a token that is not there', () => {
    expect(cardErrorThrownBy(() => Pkcs11Token.open(SOFTHSM_MODULE, { label: 'nessuna' })).code).toBe('token-assente');
  });

  it('reports a module that does not load', () => {
    expect(cardErrorThrownBy(() => Pkcs11Token.open('/nonexistent/module.so')).code).toBe('modulo-pkcs11-assente');
  });
});
