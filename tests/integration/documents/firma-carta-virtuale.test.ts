/**
 * The module signed by the virtual CNS through OpenSC's PKCS#11 module over the rig's
 * pcscd, as a citizen's card would sign it: verified by OpenSSL with the card's CA and
 * by our verifier. A wrong PIN first costs exactly the one try the person spent.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CardError } from '../../../native/apdu/errors';
import { createPkcs11Signer } from '../../../native/pkcs11/signer';
import type { Pkcs11Token } from '../../../native/pkcs11/token';
import { certificatiDaPem } from '../../../electron/core/pki/certificati';
import { signModulo } from '../../../electron/core/documents/cades/firma';
import { verificaP7m } from '../../../electron/core/documents/cades/verifica';
import { creaModuloPdf } from '../../../electron/core/documents/modulo-pdf';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';
import { avviaCartaInProcesso, type CartaInProcesso } from '../../../electron/adapters/demo/carta-in-processo';
import { apriTokenOpensc, CONFIGURAZIONE_OPENSC } from '../../fixtures/documents/carta-virtuale';
import { orologio, praticaDiProva } from '../../fixtures/documents/pratica';
import { contentVerifiedByOpenssl } from '../../support/openssl-cms';

/** The virtual CNS's certificate is issued when the card starts: a signature must be dated after that. */
const adesso = { now: () => new Date() };

let pdf: Uint8Array;
let slot: VpcdSlot | undefined;
let carta: CartaInProcesso | undefined;
let token: Pkcs11Token | undefined;

beforeAll(async () => {
  // Read by OpenSC when its module is initialised in this process.
  process.env.OPENSC_CONF ??= CONFIGURAZIONE_OPENSC;
  pdf = await creaModuloPdf((await praticaDiProva()).input, orologio);
});

afterEach(async () => {
  token?.close();
  token = undefined;
  await carta?.ferma();
  carta = undefined;
  slot?.release();
  slot = undefined;
});

async function cartaInserita(): Promise<{ carta: CartaInProcesso; token: Pkcs11Token }> {
  await startPcscd();
  slot = acquireSlot();
  carta = await avviaCartaInProcesso(slot.port);
  token = await apriTokenOpensc(slot.readerName);
  return { carta, token };
}

describe('modulo firmato dalla CNS virtuale via OpenSC', () => {
  it('verifies with OpenSSL and with our verifier, returning the module byte for byte', async () => {
    const { carta: c, token: t } = await cartaInserita();
    t.login('12345');
    const p7m = await signModulo(pdf, createPkcs11Signer(t), adesso);
    expect(contentVerifiedByOpenssl(p7m, c.caCertificatePem).equals(Buffer.from(pdf))).toBe(true);
    const esito = verificaP7m(p7m, { fidati: certificatiDaPem(c.caCertificatePem), al: new Date() });
    expect(esito.valida).toBe(true);
    expect(Buffer.from(esito.contenuto).equals(Buffer.from(pdf))).toBe(true);
    expect(esito.firmatari[0]?.codiceFiscale).toBe('RSSMRA80A01H501U');
  }, 90_000);

  it('after a wrong PIN shows the refusal, spends only that try, and signs with the right PIN', async () => {
    const { carta: c, token: t } = await cartaInserita();
    let rifiuto: unknown;
    try {
      t.login('11111');
    } catch (e) {
      rifiuto = e;
    }
    expect(rifiuto).toBeInstanceOf(CardError);
    expect(rifiuto).toMatchObject({ code: 'pin-errato', message: expect.stringMatching(/^PIN errato/) });
    expect((await c.stato()).pinTriesLeft).toBe(2);
    t.login('12345');
    const p7m = await signModulo(pdf, createPkcs11Signer(t), adesso);
    expect(verificaP7m(p7m, { fidati: certificatiDaPem(c.caCertificatePem), al: new Date() }).valida).toBe(true);
    expect((await c.stato()).pinTriesLeft).toBe(3);
  }, 90_000);
});
