import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { creaFoglioRilascio } from '../../../electron/core/desk/foglio-rilascio-pdf';

describe('the PIN release slip', () => {
  it('gives its dates in words, the time as "alle", and no ISO figures', async () => {
    const pdf = await creaFoglioRilascio({
      comune: 'Comune di Prova',
      titolare: { nome: 'Mario', cognome: 'Rossi', codiceFiscale: 'RSSMRA80A01H501U' },
      serialeCarta: '6120016461039001',
      scadenzaCarta: '2030-01-31',
      releaseId: 'rilascio-1',
      pinFirst2: '12',
      pukFirst2: '34',
      canale: 'email',
      destinazioneMascherata: 'm***@example.it',
      // 09:30 UTC is 10:30 in Rome.
      rilasciatoIl: new Date(Date.UTC(2026, 11, 2, 9, 30)),
    });
    const dir = mkdtempSync(join(tmpdir(), 'sportello-foglio-'));
    writeFileSync(join(dir, 'foglio.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'foglio.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Scadenza della carta\s+31 gennaio 2030/);
    expect(text).toMatch(/Consegnato il\s+2 dicembre 2026 alle 10:30/);
    expect(text).toContain('Consegna PIN del 2 dicembre 2026');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}/);
  });
});
