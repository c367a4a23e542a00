/**
 * Signing the sample with the virtual CNS, the way a citizen's card signs: a vpcd
 * reader of the local pcscd, OpenSC's PKCS#11 module, the demo PIN. Anything missing
 * (no pcscd, no vpcd, no OpenSC) is reported as a reason, and the caller falls back to
 * a software key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createPkcs11Signer } from '../../../../native/pkcs11/signer';
import { Pkcs11Token } from '../../../../native/pkcs11/token';
import type { SignerPort } from '../../ports/signer';

const MODULO_OPENSC = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
/** The demo PIN of the virtual CNS (never a real card's). */
const PIN_DEMO = '12345';
const ATTESA_MS = 10_000;

export interface FirmaCartaVirtuale {
  signer: SignerPort;
  caPem: string;
  chiudi(): Promise<void>;
}

function avviaCarta(porta: number): Promise<{ figlio: ChildProcess; certificatePem: string; caCertificatePem: string }> {
  const figlio = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'processo-carta-demo.ts'), String(porta)], { stdio: ['pipe', 'pipe', 'ignore'] });
  return new Promise((risolvi, rifiuta) => {
    const timer = setTimeout(() => {
      figlio.kill();
      rifiuta(new Error(`la carta virtuale non si inserisce nel lettore vpcd sulla porta ${porta}`));
    }, ATTESA_MS);
    createInterface({ input: figlio.stdout! }).once('line', (riga) => {
      clearTimeout(timer);
      const r = JSON.parse(riga) as { certificatePem?: string; caCertificatePem?: string; errore?: string };
      if (r.certificatePem && r.caCertificatePem) risolvi({ figlio, certificatePem: r.certificatePem, caCertificatePem: r.caCertificatePem });
      else rifiuta(new Error(`carta virtuale non avviata: ${r.errore ?? 'motivo sconosciuto'} (pcscd e vsmartcard-vpcd sono attivi?)`));
    });
    figlio.once('error', (e) => rifiuta(e));
  });
}

/**
 * OpenSC notices a new card on its next slot scan: retry until the card's token appears.
 * Without a reader name the first token is taken, and accepted only if it is our card.
 */
async function apriToken(certificatoAtteso: string, lettore: string | undefined): Promise<Pkcs11Token> {
  const atteso = new X509Certificate(certificatoAtteso).fingerprint256;
  const scadenza = Date.now() + ATTESA_MS;
  for (;;) {
    try {
      const token = Pkcs11Token.open(MODULO_OPENSC, lettore ? { readerName: lettore } : {});
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

export async function firmaConCartaVirtuale(porta: number, lettore?: string): Promise<FirmaCartaVirtuale> {
  const { figlio, certificatePem, caCertificatePem } = await avviaCarta(porta);
  const chiudiCarta = () => new Promise<void>((r) => (figlio.exitCode !== null ? r() : (figlio.once('exit', () => r()), figlio.stdin?.end())));
  try {
    const token = await apriToken(certificatePem, lettore);
    token.login(PIN_DEMO);
    return {
      signer: createPkcs11Signer(token),
      caPem: caCertificatePem,
      async chiudi() {
        token.close();
        await chiudiCarta();
      },
    };
  } catch (e) {
    await chiudiCarta();
    throw e;
  }
}
