/**
 * Silent printing through the spooler. No CUPS server runs on build machines, so `lp`
 * is a stand-in script on PATH that records its arguments and the bytes it was sent;
 * the code under test spawns it exactly as it spawns the real one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemPrinter, windowsPrintCommand } from '../../../electron/adapters/print/system-printer';

const dir = mkdtempSync(join(tmpdir(), 'sportello-lp-'));
const originalPath = process.env.PATH;
const pdf = Buffer.from('%PDF-1.7\n% test\n');

beforeAll(() => {
  writeFileSync(
    join(dir, 'lp'),
    `#!/bin/sh\nif [ "$2" = "Guasta" ]; then echo "lp: The printer or class does not exist." >&2; exit 1; fi\necho "$@" > "${dir}/args"\ncat > "${dir}/job.pdf"\n`,
  );
  chmodSync(join(dir, 'lp'), 0o755);
  process.env.PATH = `${dir}:${originalPath}`;
});
afterAll(() => {
  process.env.PATH = originalPath;
});

describe('system printer', () => {
  it('sends the PDF to the configured printer with a job name', async () => {
    await systemPrinter('Kiosk-80mm', 'linux').print(pdf, 'Ricevuta di presentazione');
    expect(readFileSync(join(dir, 'args'), 'utf8').trim()).toBe('-d Kiosk-80mm -t Ricevuta di presentazione -');
    expect(readFileSync(join(dir, 'job.pdf'))).toEqual(pdf);
  });

  it('reports a failed print in Italian, suggesting to save the document', async () => {
    await expect(systemPrinter('Guasta', 'linux').print(pdf, 'Ricevuta')).rejects.toMatchObject({
      code: 'stampa-non-riuscita',
      message: expect.stringContaining('Puoi anche salvare il documento'),
    });
  });

  it('a spooler that exits without reading a large document is a refused print, not a crash (EPIPE)', async () => {
    const large = Buffer.concat([pdf, Buffer.alloc(4 * 1024 * 1024, 0x20)]);
    await expect(systemPrinter('Guasta', 'linux').print(large, 'Ricevuta')).rejects.toMatchObject({ code: 'stampa-non-riuscita' });
  });

  it("quotes the temporary file's path and the printer for PowerShell (a user named D'Amico)", () => {
    const command = windowsPrintCommand("C:\\Users\\D'Amico\\AppData\\Local\\Temp\\sportello-print-1\\documento.pdf", "Stampante dell'URP");
    expect(command).toBe(
      "Start-Process -FilePath 'C:\\Users\\D''Amico\\AppData\\Local\\Temp\\sportello-print-1\\documento.pdf' -Verb PrintTo -ArgumentList '\"Stampante dell''URP\"' -WindowStyle Hidden -Wait",
    );
    expect(windowsPrintCommand("C:\\Users\\D'Amico\\x.pdf", null)).toBe("Start-Process -FilePath 'C:\\Users\\D''Amico\\x.pdf' -Verb Print -WindowStyle Hidden -Wait");
  });
});
