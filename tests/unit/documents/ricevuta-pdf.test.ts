import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creaRicevutaPdf, type RicevutaInput } from '../../../electron/core/documents/ricevuta-pdf';
import { ISTANTE, praticaDiProva } from '../../fixtures/documents/pratica';
import { attendiRotolo80mm } from '../../fixtures/documents/rotolo';
import { cartellaTemporanea, esegui, pdfinfo, pdftotext, type CartellaTemporanea } from '../../fixtures/documents/strumenti';

let cartella: CartellaTemporanea;
let ricevuta: RicevutaInput;

beforeAll(async () => {
  cartella = cartellaTemporanea();
  const { input } = await praticaDiProva();
  ricevuta = {
    comune: input.comune,
    servizio: input.servizio,
    richiedente: input.richiedente,
    presentataIl: ISTANTE,
    riferimento: input.riferimento,
    documenti: [{ nome: 'modulo.pdf.p7m', sha256: 'e'.repeat(64) }, ...input.allegati.map((a) => ({ nome: a.nome, sha256: a.sha256 }))],
  };
});
afterAll(() => cartella.elimina());

const testo = (f: string) => pdftotext(f).replace(/\s+/g, ' ');

describe('ricevuta di presentazione', () => {
  it('in A4 lists service, time, citizen and every document, awaiting the protocol number', async () => {
    const f = cartella.scrivi('ricevuta.pdf', await creaRicevutaPdf(ricevuta, 'a4'));
    expect(pdfinfo(f)['Page size']).toContain('A4');
    const t = testo(f);
    for (const atteso of ['RICEVUTA DI PRESENTAZIONE', 'Iscrizione al servizio di mensa scolastica', 'Presentata il 24 novembre 2026 alle 09:30', 'Mario Rossi', 'RSSMRA80A01H501U', 'SP-2026-000123', 'in attesa di protocollazione', 'e'.repeat(64), 'attestazione-isee.pdf']) {
      expect(t).toContain(atteso);
    }
  });

  it('keeps each document\'s fingerprint as a "codice di controllo" in the small print after the list, never named by its algorithm', async () => {
    const t = testo(cartella.scrivi('codici.pdf', await creaRicevutaPdf(ricevuta, 'a4')));
    expect(t).not.toContain('SHA');
    expect(t).not.toContain('impronta');
    const elenco = t.indexOf('Documenti presentati');
    const codici = t.indexOf('Codici di controllo dei documenti');
    expect(elenco).toBeGreaterThan(0);
    expect(codici).toBeGreaterThan(elenco);
    // The list itself reads as names only; the codes follow, numbered as the list.
    expect(t.slice(elenco, codici)).not.toMatch(/[0-9a-f]{64}/);
    expect(t.slice(codici)).toContain(`1. ${'e'.repeat(64)}`);
    expect(t.slice(codici).match(/[0-9a-f]{64}/g)).toHaveLength(ricevuta.documenti.length);
  });

  it('shows the protocol number once the portal has given one', async () => {
    const f = cartella.scrivi('protocollata.pdf', await creaRicevutaPdf({ ...ricevuta, protocollo: { numero: '2026/0012345', data: new Date('2026-11-25T10:00:00Z') } }, 'a4'));
    expect(testo(f)).toContain('n. 2026/0012345 del 25 novembre 2026');
    expect(testo(f)).not.toContain('in attesa di protocollazione');
  });

  it("an appointment booked with the pratica: its day and times, and \"da confermare\" while the portal has not booked it", async () => {
    const dal = new Date('2026-12-10T08:30:00Z');
    const al = new Date('2026-12-10T09:00:00Z');
    const attesa = testo(cartella.scrivi('appuntamento.pdf', await creaRicevutaPdf({ ...ricevuta, appuntamento: { dal, al, stato: 'da-confermare' } }, '80mm')));
    expect(attesa).toContain("Appuntamento 10 dicembre 2026 alle 09:30–10:00 (da confermare: l'orario sarà confermato dal Comune)");
    const fissato = testo(cartella.scrivi('fissato.pdf', await creaRicevutaPdf({ ...ricevuta, appuntamento: { dal, al, stato: 'fissato' } }, 'a4')));
    expect(fissato).toContain('10 dicembre 2026 alle 09:30–10:00');
    expect(fissato).not.toContain('da confermare');
    expect(testo(cartella.scrivi('senza.pdf', await creaRicevutaPdf(ricevuta, 'a4')))).not.toContain('Appuntamento');
  });

  it('on an 80 mm roll is one page 80 mm wide, as tall as its content, PDF/A-2B, renderable', async () => {
    const pdf = await creaRicevutaPdf(ricevuta, '80mm');
    const f = cartella.scrivi('ricevuta-80mm.pdf', pdf);
    attendiRotolo80mm(pdf, f);
    const t = testo(f);
    expect(t).toContain('RSSMRA80A01H501U');
    expect(t).toContain('modulo.pdf.p7m');
    expect(esegui('pdftoppm', ['-r', '50', '-png', f, `${cartella.percorso}/rotolo`]).status).toBe(0);
  });
});
