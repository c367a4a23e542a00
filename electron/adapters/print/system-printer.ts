/**
 * Prints a PDF through the operating system's spooler, without a dialog: CUPS `lp`
 * on Linux and macOS (kiosk printers, 80 mm roll printers included), and the
 * registered PDF handler's "PrintTo" verb on Windows. Plain Node, so the kiosk
 * prints the same way whether Electron or the browser host runs it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '../../core/errors';
import type { PrinterPort } from '../../core/ports/printer';

const PRINT_TIMEOUT_MS = 30_000;

function run(command: string, args: string[], input?: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString().slice(0, 500)));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} exited ${code}: ${stderr.trim()}`));
    });
    // A spooler that exits before reading (no such printer) closes the pipe: the exit code reports that,
    // and the write's EPIPE must not become an uncaught exception that ends the app.
    child.stdin?.on('error', () => undefined);
    if (input) child.stdin?.end(Buffer.from(input));
  });
}

/** A PowerShell single-quoted string: nothing inside is expanded, and a quote is written twice. */
const psQuoted = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * The PowerShell command that hands a PDF to its registered handler's print verb. Both the
 * path (it holds the user's name: C:\Users\D'Amico\...) and the printer's name are quoted.
 */
export function windowsPrintCommand(file: string, printerName: string | null): string {
  const target = printerName ? `-Verb PrintTo -ArgumentList ${psQuoted(`"${printerName}"`)}` : '-Verb Print';
  return `Start-Process -FilePath ${psQuoted(file)} ${target} -WindowStyle Hidden -Wait`;
}

export function systemPrinter(printerName: string | null, platform: NodeJS.Platform = process.platform): PrinterPort {
  return {
    async print(pdf, jobName) {
      try {
        if (platform === 'win32') {
          const dir = mkdtempSync(join(tmpdir(), 'sportello-print-'));
          const file = join(dir, 'documento.pdf');
          writeFileSync(file, pdf);
          try {
            await run('powershell.exe', ['-NoProfile', '-Command', windowsPrintCommand(file, printerName)]);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
          return;
        }
        const args = [...(printerName ? ['-d', printerName] : []), '-t', jobName.slice(0, 80), '-'];
        await run('lp', args, pdf);
      } catch (error) {
        throw new DomainError(
          'stampa-non-riuscita',
          `Stampa non riuscita${printerName ? ` sulla stampante ${printerName}` : ''}: controlla che sia accesa e abbia carta. Puoi anche salvare il documento.`,
          [{ path: 'stampante', message: (error as Error).message.slice(0, 200) }],
        );
      }
    },
  };
}
