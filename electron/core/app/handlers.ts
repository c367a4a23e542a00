import type { Handlers } from '../../shared/contract/define';
import type { appCalls } from '../../shared/contract/app';
import type { Config } from '../config/schema';
import type { Clock } from '../ports/clock';
import type { PrinterPort } from '../ports/printer';
import { DomainError } from '../errors';

export interface AppInfoDeps {
  config: Config;
  version: string;
  demo: boolean;
  clock: Clock;
  /** Present where documents print silently (Electron); absent in the browser host. */
  printer?: PrinterPort;
  /** Start-up notices for staff (see store/backup.ts). */
  avvisi: readonly string[];
}

function decodePdf(base64: string): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new DomainError('documento-non-valido', 'Il documento da stampare non è un PDF.');
  }
  return bytes;
}

export function appHandlers(deps: AppInfoDeps): Handlers<typeof appCalls> {
  return {
    'app.info': async () => ({
      name: 'Sportello',
      version: deps.version,
      mode: deps.config.mode,
      comune: { id: deps.config.comune.id, nome: deps.config.comune.nome },
      demo: deps.demo,
      idleTimeoutSeconds: deps.config.idleTimeoutSeconds,
      portal: { configured: deps.config.portal !== null, url: deps.config.portal?.url ?? null },
      avvisi: [...deps.avvisi],
    }),
    'app.print': async ({ jobName, pdfBase64 }) => {
      const pdf = decodePdf(pdfBase64);
      if (!deps.printer) return { printed: false };
      await deps.printer.print(pdf, jobName);
      return { printed: true };
    },
    'app.echo': async ({ text }) => ({ text, receivedAt: deps.clock.now().toISOString() }),
  };
}
