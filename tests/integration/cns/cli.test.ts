/** `npm run card -- info | pin-status` against the virtual CNS in a reader. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { cardInReader, type CardInReader } from '../pcsc/card-in-reader';

const CLI = join(__dirname, '../../../electron/cli/card.ts');
let rig: CardInReader;
let dir: string;

beforeAll(async () => {
  rig = await cardInReader();
  await rig.transport();
  dir = mkdtempSync(join(tmpdir(), 'sportello-cli-'));
  writeFileSync(join(dir, 'ca.pem'), rig.card.caCertificatePem);
});
afterAll(async () => {
  await rig?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Asynchronous on purpose: the emulated card answers from this process. */
function cli(args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  return new Promise((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', timeout: 30_000 }, (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, json: JSON.parse(stdout) as Record<string, unknown> }),
    ),
  );
}

describe('card CLI', () => {
  it('info prints card, personal data, certificate and the cross-check as JSON', async () => {
    const { code, json } = await cli(['info', '--reader', rig.slot.readerName, '--ca', join(dir, 'ca.pem')]);
    expect(code).toBe(0);
    expect(json).toMatchObject({
      lettore: rig.slot.readerName,
      carta: { seriale: rig.card.serial, layout: 'classic', fileCertificato: '3F00/1100/1101' },
      datiPersonali: { codiceFiscale: 'RSSMRA80A01H501U', cognome: 'ROSSI' },
      certificato: { cn: expect.stringMatching(/^RSSMRA80A01H501U\/\d{16}\./) },
      coerenza: { ok: true },
    });
  });

  it('pin-status prints tries left without spending one', async () => {
    const { code, json } = await cli(['pin-status', '--reader', rig.slot.readerName]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ pin: { triesLeft: 3, blocked: false }, puk: { triesLeft: 3, blocked: false } });
    expect(rig.card.state.pinTriesLeft).toBe(3);
  });

  it('says so, as JSON and with exit code 1, when no card is in the chosen reader', async () => {
    const { code, json } = await cli(['info', '--reader', 'nessun lettore con questo nome']);
    expect(code).toBe(1);
    expect(json).toMatchObject({ error: { code: 'carta-assente' } });
  });
});
