import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistro } from '../../../electron/core/audit/registro';
import { testSigillo } from '../../support/keystore';
import { reportCsv, reportPdf, righeReport } from '../../../electron/core/audit/report';
import { etichettaDocumento } from '../../../electron/core/desk/validazione';
import { createAuditRepo } from '../../../electron/core/store/audit-repo';
import { openDatabase } from '../../../electron/core/store/database';
import { manualClock } from '../desk/clock';

function registroWithReleases() {
  const db = openDatabase(':memory:');
  // 10:00 local time of 10 March, then the next day.
  const clock = manualClock(new Date(2026, 2, 10, 10, 0).toISOString());
  const registro = createRegistro(createAuditRepo(db), clock, testSigillo());
  const release = (n: number, canale: string) =>
    registro.append('rilascio', 'mario.rossi', {
      codiceFiscale: 'RSSMRA80A01H501U',
      serialeCarta: `612001646103900${n}`,
      canale,
      destinazione: canale === 'email' ? 'm***@example.it' : '+39*******567',
      releaseId: `rilascio-${n}`,
      documento: { tipo: 'carta-identita', numero: '******567', rilasciatoDa: 'Comune; di "Prova"', scadenza: '2030-01-01' },
    });
  release(1, 'email');
  registro.append('operatore.accesso', 'mario.rossi', { username: 'mario.rossi' });
  clock.advanceMinutes(30);
  release(2, 'sms');
  clock.advanceMinutes(24 * 60);
  release(3, 'email');
  return { db, registro };
}

describe('daily report of releases', () => {
  it('lists only that day releases in CSV, with the chain verdict', () => {
    const { registro } = registroWithReleases();
    const righe = righeReport(registro.releasesOn('2026-03-10'), etichettaDocumento);
    expect(righe.map((r) => r.releaseId)).toEqual(['rilascio-1', 'rilascio-2']);
    const csv = reportCsv(righe, registro.verify());
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('voce;data_ora;operatore;codice_fiscale;seriale_carta;canale;destinazione;documento;riferimento_rilascio');
    // The machine's zone may not be Rome's: the hour is Rome's, the figures Italian.
    expect(lines[1]).toMatch(/^1;10\/03\/2026 \d{2}:\d{2};mario\.rossi;/);
    expect(lines[1]).toContain(";mario.rossi;RSSMRA80A01H501U;6120016461039001;email;m***@example.it;Carta d'identità ******567;rilascio-1");
    expect(lines[2]).toContain(';sms;+39*******567;');
    expect(lines[3]).toMatch(/^# Registro integro: 4 voci, impronta finale [0-9a-f]{64}$/);
  });

  it('renders a PDF with the releases and the verdict (checked with pdftotext)', async () => {
    const { registro } = registroWithReleases();
    const righe = righeReport(registro.releasesOn('2026-03-10'), etichettaDocumento);
    const pdf = await reportPdf({ comune: 'Comune di Prova', giorno: '2026-03-10', righe, verdict: registro.verify(), generatoIl: new Date(2026, 2, 10, 18) });
    const dir = mkdtempSync(join(tmpdir(), 'sportello-report-'));
    writeFileSync(join(dir, 'report.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Rilasci di PIN e PUK del 10 marzo 2026');
    expect(text).toMatch(/10 marzo 2026 alle \d{2}:\d{2} - operatore mario\.rossi/);
    expect(text).toContain("Carta d'identità ******567");
    expect(text).not.toContain('carta-identita');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('Totale rilasci: 2');
    expect(text).toContain('6120016461039002');
    expect(text).not.toContain('6120016461039003');
    expect(text).toMatch(/Registro integro: 4 voci/);
  });
});
