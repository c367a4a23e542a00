/**
 * The virtual CNS inserted into a vpcd reader of the local pcscd from a process of its own
 * (processo-carta.ts), with its CA and the card's own PIN counter: for the demo signature, and
 * for the tests that reach the card through OpenSC's module.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PinState } from '../../../native/virtual-card';

const ATTESA_MS = 10_000;

/** A command as the card received it: its header and how many bytes of data it carried, never the data. */
export interface ApduHeader {
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  /** Bytes of command data (Lc): 0 for a VERIFY that only asks the tries left. */
  readonly dataLength: number;
}

export interface CartaInProcesso {
  readonly certificatePem: string;
  readonly caCertificatePem: string;
  /** The PIN state as the card itself counts it. */
  stato(): Promise<PinState>;
  /** Headers of the commands the card received since the last call. */
  apdus(): Promise<ApduHeader[]>;
  /** Spends every PIN try on the card itself, as a card blocked before it came to this reader. */
  bloccaPin(): Promise<PinState>;
  /** Takes the card out of the reader and ends its process. */
  ferma(): Promise<void>;
}

interface Attesa {
  risolvi(riga: string): void;
  rifiuta(errore: Error): void;
}

export async function avviaCartaInProcesso(porta: number): Promise<CartaInProcesso> {
  const figlio = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'processo-carta.ts'), String(porta)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const attese: Attesa[] = [];
  let fine: Error | null = null;
  const termina = (errore: Error) => {
    fine = errore;
    for (const attesa of attese.splice(0)) attesa.rifiuta(errore);
  };
  figlio.once('error', termina);
  figlio.once('exit', (codice) => termina(new Error(`il processo della carta virtuale è terminato (${codice})`)));
  // A process that ended is reported by 'exit' to whoever waits for an answer, not by a write that fails.
  figlio.stdin.on('error', () => undefined);
  createInterface({ input: figlio.stdout }).on('line', (riga) => attese.shift()?.risolvi(riga));
  const prossima = () => new Promise<string>((risolvi, rifiuta) => (fine ? rifiuta(fine) : attese.push({ risolvi, rifiuta })));
  const chiedi = async <T>(comando: string): Promise<T> => {
    const riga = prossima();
    figlio.stdin.write(`${comando}\n`);
    return JSON.parse(await riga) as T;
  };
  const ferma = () =>
    new Promise<void>((risolvi) => {
      if (figlio.exitCode !== null || figlio.signalCode !== null) return risolvi();
      figlio.once('exit', () => risolvi());
      figlio.stdin.end();
    });

  let timer: NodeJS.Timeout | undefined;
  const scaduta = new Promise<never>((_, rifiuta) => {
    timer = setTimeout(() => rifiuta(new Error(`la carta virtuale non si inserisce nel lettore vpcd sulla porta ${porta}`)), ATTESA_MS);
  });
  let pronta: { certificatePem?: string; caCertificatePem?: string; errore?: string };
  try {
    pronta = JSON.parse(await Promise.race([prossima(), scaduta])) as typeof pronta;
  } catch (e) {
    figlio.kill();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  const { certificatePem, caCertificatePem } = pronta;
  if (!certificatePem || !caCertificatePem) {
    await ferma();
    throw new Error(`carta virtuale non avviata: ${pronta.errore ?? 'motivo sconosciuto'} (pcscd e vsmartcard-vpcd sono attivi?)`);
  }
  return {
    certificatePem,
    caCertificatePem,
    stato: () => chiedi('stato'),
    apdus: () => chiedi('apdus'),
    bloccaPin: () => chiedi('blocca-pin'),
    ferma,
  };
}
