import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dichiarazionePdfA } from '../../../electron/core/documents/allegati/xmp-pdfa';
import { creaModuloPdf, dichiarazioneRichiedente } from '../../../electron/core/documents/modulo-pdf';
import type { ModuloInput } from '../../../electron/core/documents/modulo-input';
import { orologio, praticaDiProva } from '../../fixtures/documents/pratica';
import { cartellaTemporanea, esegui, pdfinfo, pdftotext, type CartellaTemporanea } from '../../fixtures/documents/strumenti';

let cartella: CartellaTemporanea;
let input: ModuloInput;
let pdf: Uint8Array;
let file: string;

beforeAll(async () => {
  cartella = cartellaTemporanea();
  input = (await praticaDiProva()).input;
  pdf = await creaModuloPdf(input, orologio);
  file = cartella.scrivi('modulo.pdf', pdf);
});
afterAll(() => cartella.elimina());

/** pdftotext -layout may split a long value over columns: compare on collapsed whitespace. */
function testo(f: string): string {
  return pdftotext(f).replace(/\s+/g, ' ');
}

describe('modulo compilato PDF/A', () => {
  it('is read by pdfinfo as an A4 PDF 1.7 with our metadata', () => {
    const info = pdfinfo(file);
    expect(info['Page size']).toContain('A4');
    expect(info['PDF version']).toBe('1.7');
    expect(info.Producer).toBe('Sportello');
    expect(info.Encrypted).toBe('no');
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(1);
  });

  it('contains the letter, the citizen, every field value (with accents) and the attachments with their hashes', () => {
    const t = testo(file);
    for (const atteso of [
      'Spett.le',
      'Comune di Prova',
      'OGGETTO: Iscrizione al servizio di mensa scolastica',
      'Il sottoscritto Mario Rossi, nato a Roma il 1 gennaio 1980, codice fiscale RSSMRA80A01H501U',
      'residente in Via della Libertà 12, 00100 Prova (RM)',
      'CHIEDE',
      'Bianchi Saltò',
      'BNCLCU82C41H501Z',
      'Niccolò Rossi',
      'Anna Lucìa Rossi',
      '15 marzo 2016',
      'Scuola primaria "Niccolò Tommaseo"',
      'Senza glutine (celiachia)',
      'Da 8.000,01 € a 20.000 €',
      'IT60X0542811101000000123456',
      'Figlio/a n. 2',
      'allergico alle arachidi',
      'certificato-medico.pdf',
      input.allegati[0]?.sha256 ?? 'manca',
      input.allegati[1]?.sha256 ?? 'manca',
      'Prova, 24/11/2026',
    ]) {
      expect(t).toContain(atteso);
    }
  });

  it('declares PDF/A-2B in its XMP metadata and embeds every font', () => {
    const raw = Buffer.from(pdf).toString('latin1');
    const xmp = raw.slice(raw.indexOf('<?xpacket begin'), raw.indexOf('<?xpacket end'));
    expect(dichiarazionePdfA(xmp)).toEqual({ parte: 2, conformita: 'B' });
    const meta = esegui('pdfinfo', ['-meta', file]).stdout;
    expect(meta).toMatch(/pdfaid:part>2</);
    const fonts = esegui('pdffonts', [file]).stdout.split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const riga of fonts) expect(riga).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('renders page 1 with pdftoppm', () => {
    const r = esegui('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', '-png', file, `${cartella.percorso}/pagina`]);
    expect(r.status).toBe(0);
    const png = readFileSync(`${cartella.percorso}/pagina-1.png`);
    expect(png.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    expect(png.length).toBeGreaterThan(5000);
  });

  it('gives the same bytes for the same pratica at the same instant', async () => {
    const ancora = await creaModuloPdf(input, orologio);
    expect(Buffer.from(ancora).equals(Buffer.from(pdf))).toBe(true);
    const dopo = await creaModuloPdf(input, { now: () => new Date('2026-11-25T08:30:00Z') });
    expect(Buffer.from(dopo).equals(Buffer.from(pdf))).toBe(false);
  });

  it('flows many datagrid rows over several numbered pages without losing any', async () => {
    const figli = Array.from({ length: 60 }, (_, i) => ({ nome: `Bambino numero ${i + 1} Perché`, scuola: 'rodari', classe: `${i}ª`, dieta: {} }));
    const lungo = await creaModuloPdf({ ...input, dati: { ...input.dati, figli } }, orologio);
    const f = cartella.scrivi('lungo.pdf', lungo);
    const pagine = Number(pdfinfo(f).Pages);
    expect(pagine).toBeGreaterThan(3);
    const t = testo(f);
    expect(t).toContain('Bambino numero 60 Perché');
    expect(t).toContain(`Pagina ${pagine} di ${pagine}`);
  });

  it('prints data no component describes, and replaces characters the font cannot draw', async () => {
    const strano = await creaModuloPdf({ ...input, dati: { ...input.dati, campoSconosciuto: 'valore orfano', emoji: 'ciao 😀' } }, orologio);
    const t = testo(cartella.scrivi('strano.pdf', strano));
    expect(t).toContain('Altri dati');
    expect(t).toContain('Campo sconosciuto');
    expect(t).toContain('valore orfano');
    expect(t).toContain('ciao ?');
  });

  it('words the declaration by the citizen’s sex', () => {
    const r = input.richiedente;
    expect(dichiarazioneRichiedente({ ...r, sesso: 'F' })).toMatch(/^La sottoscritta Mario Rossi, nata a Roma/);
    expect(dichiarazioneRichiedente({ ...r, sesso: undefined })).toMatch(/^Il\/La sottoscritto\/a .* nato\/a a Roma/);
  });
});
