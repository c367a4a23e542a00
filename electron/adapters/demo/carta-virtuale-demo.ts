/**
 * Signing the sample with the virtual CNS, the way a citizen's card signs: a vpcd
 * reader of the local pcscd, a PKCS#11 module (the configured pkcs11.modulePath, else
 * the one discovery finds: OpenSC on a Linux machine), the demo PIN. Anything missing
 * (no pcscd, no vpcd, no module) is reported as a reason, and the caller falls back
 * to a software key.
 */
import { X509Certificate } from 'node:crypto';
import { chooseModule, modulePathOf } from '../../../native/pkcs11/discovery';
import { createPkcs11Signer } from '../../../native/pkcs11/signer';
import { Pkcs11Token } from '../../../native/pkcs11/token';
import { configPath, loadConfig } from '../../core/config/load';
import type { SignerPort } from '../../core/ports/signer';
import { avviaCartaInProcesso } from './carta-in-processo';
import { statoPinPcsc } from './stato-pin-pcsc';

/** The demo PIN of the virtual CNS (never a real card's). */
const PIN_DEMO = '12345';
const ATTESA_MS = 10_000;

export interface FirmaCartaVirtuale {
  signer: SignerPort;
  caPem: string;
  chiudi(): Promise<void>;
}

/**
 * OpenSC notices a new card on its next slot scan: retry until the card's token appears.
 * Without a reader name the first token is taken, and accepted only if it is our card.
 */
async function apriToken(modulo: string, certificatoAtteso: string, lettore: string | undefined): Promise<Pkcs11Token> {
  const atteso = new X509Certificate(certificatoAtteso).fingerprint256;
  const scadenza = Date.now() + ATTESA_MS;
  for (;;) {
    try {
      // The card's own PIN counter, asked over PC/SC beside the module (see stato-pin-pcsc.ts).
      const token = Pkcs11Token.open(modulo, lettore ? { readerName: lettore } : {}, { pinStatus: statoPinPcsc() });
      const signer = createPkcs11Signer(token);
      if (new X509Certificate(Buffer.from(await signer.certificate())).fingerprint256 === atteso) return token;
      token.close();
    } catch (e) {
      if (Date.now() > scadenza) throw e;
    }
    if (Date.now() > scadenza) throw new Error('OpenSC non vede la carta virtuale');
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** pkcs11.modulePath of the installation's configuration file (SPORTELLO_CONFIG), null when unset. */
function moduloConfigurato(): string | null {
  return loadConfig(configPath()).pkcs11.modulePath;
}

/**
 * `modulo`: the configured PKCS#11 module (null = discovery); by default the one in the
 * configuration file. A configured module that does not exist fails with its reason
 * before the card is started.
 */
export async function firmaConCartaVirtuale(porta: number, lettore?: string, modulo: string | null = moduloConfigurato()): Promise<FirmaCartaVirtuale> {
  const percorso = modulePathOf(chooseModule({ configured: modulo }));
  const carta = await avviaCartaInProcesso(porta);
  try {
    const token = await apriToken(percorso, carta.certificatePem, lettore);
    try {
      await token.verifyPin(PIN_DEMO);
    } catch (e) {
      token.close();
      throw e;
    }
    return {
      signer: createPkcs11Signer(token),
      caPem: carta.caCertificatePem,
      async chiudi() {
        token.close();
        await carta.ferma();
      },
    };
  } catch (e) {
    await carta.ferma();
    throw e;
  }
}
