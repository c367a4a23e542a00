import { PDFName, PDFNumber, PDFDict } from '@cantoo/pdf-lib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { esaminaPdf } from '../../../electron/core/documents/allegati/esame-pdf';
import { PDF } from '../../../electron/core/documents/allegati/tipi-file';
import { verificaAllegato, type EsitoAllegato, type RegoleAllegato } from '../../../electron/core/documents/allegati/verifica-allegato';
import { dichiarazionePdfA, etichettaPdfA } from '../../../electron/core/documents/allegati/xmp-pdfa';
import { creaAllegatoDemo } from '../../../electron/adapters/demo/allegato-demo';
import { ISTANTE } from '../../fixtures/documents/pratica';
import { pdfCon } from '../../support/allegati';

let pdfA: Uint8Array;
let pdfSemplice: Uint8Array;

/** A slot accepting what the old wizard check accepted, PDF/A not required unless asked. */
const TUTTI = ['application/pdf', 'image/jpeg', 'image/png', 'application/pkcs7-mime'];
const regole = (altro: Partial<RegoleAllegato> = {}): RegoleAllegato => ({ etichetta: 'Documento', tipiAmmessi: TUTTI, byteMassimi: 20 * 1024 * 1024, richiediPdfA: false, ...altro });
const verifica = (nome: string, byte: Uint8Array, altro: Partial<RegoleAllegato> = {}) => verificaAllegato(nome, byte, regole(altro));
const pdfDi = (esito: EsitoAllegato) => (esito.ammesso ? esito.pdf : undefined);
const messaggioDi = (esito: EsitoAllegato) => (esito.ammesso ? '' : esito.messaggio);

function xmpConPrefisso(prefisso: string, corpo: string): string {
  return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:${prefisso}="http://www.aiim.org/pdfa/ns/id/" ${corpo}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

beforeAll(async () => {
  pdfA = await creaAllegatoDemo('Documento', ['testo'], ISTANTE);
  pdfSemplice = await pdfCon();
});

describe('verifica degli allegati', () => {
  it('reports the PDF/A-2B declaration of our own PDF/A', async () => {
    const esito = await verifica('certificato.pdf', pdfA);
    expect(esito).toMatchObject({ ammesso: true, mime: 'application/pdf', pdf: { pagine: 1, versione: '1.7', pdfa: { parte: 2, conformita: 'B' } }, avvisi: [] });
  });

  it('reads the declaration in attribute form, under another prefix, from a Flate-compressed stream', async () => {
    const xmp = xmpConPrefisso('id', 'id:part="3" id:conformance="u">');
    const pdf = await pdfCon((doc) => doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.flateStream(xmp, { Type: 'Metadata', Subtype: 'XML' }))));
    expect(pdfDi(await verifica('a.pdf', pdf))?.pdfa).toEqual({ parte: 3, conformita: 'U' });
  });

  it('reads the declaration in element form from an uncompressed stream', async () => {
    const xmp = xmpConPrefisso('pdfaid', '><pdfaid:part>1</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>');
    const pdf = await pdfCon((doc) => doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' }))));
    expect(pdfDi(await verifica('a.pdf', pdf))?.pdfa).toEqual({ parte: 1, conformita: 'A' });
  });

  it('accepts a plain PDF with a remark, and refuses it when the comune requires PDF/A', async () => {
    const avviso = await verifica('lettera.pdf', pdfSemplice);
    expect(avviso).toMatchObject({ ammesso: true, avvisi: [expect.stringContaining('"lettera.pdf" non è un PDF/A')] });
    const rifiuto = await verifica('lettera.pdf', pdfSemplice, { richiediPdfA: true, etichetta: 'Attestazione ISEE' });
    expect(rifiuto).toMatchObject({ ammesso: false, codice: 'allegato-non-pdfa' });
    expect(messaggioDi(rifiuto)).toContain('Per "Attestazione ISEE" serve un PDF/A');
  });

  it('refuses files that are not what their extension says, naming types as extensions', async () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    const comePdf = await verifica('documento.pdf', jpeg);
    expect(comePdf).toMatchObject({ ammesso: false, codice: 'allegato-contenuto-diverso' });
    expect(messaggioDi(comePdf)).toBe('Il file "documento.pdf" non è davvero un file PDF: sembra un file JPG. Controlla di aver scelto il file giusto.');
    expect(await verifica('foto.png', pdfA)).toMatchObject({ ammesso: false, codice: 'allegato-contenuto-diverso' });
    expect(await verifica('foto.jpg', jpeg)).toMatchObject({ ammesso: true, mime: 'image/jpeg' });
    expect(await verifica('firmato.pdf.p7m', Uint8Array.from(Buffer.from('308006092a864886f70d010702a080', 'hex')))).toMatchObject({ ammesso: true, mime: 'application/pkcs7-mime' });
    const programma = await verifica('programma.exe', pdfA);
    expect(programma).toMatchObject({ ammesso: false, codice: 'allegato-tipo-non-ammesso' });
    expect(messaggioDi(programma)).toBe('Per "Documento" sono ammessi solo file PDF, JPG, PNG, P7M: "programma.exe" è di un altro tipo.');
    expect(await verifica('vuoto.pdf', new Uint8Array())).toMatchObject({ ammesso: false, codice: 'allegato-vuoto' });
  });

  it('refuses a PDF with junk before its header, as polyglot files have', async () => {
    const conPrefisso = Uint8Array.from(Buffer.concat([Buffer.from('<html>'), Buffer.from(pdfA)]));
    expect(await verifica('a.pdf', conPrefisso)).toMatchObject({ ammesso: false, codice: 'allegato-contenuto-diverso' });
  });

  it('refuses a truncated PDF', async () => {
    const esito = await verifica('troncato.pdf', pdfA.subarray(0, Math.floor(pdfA.length * 0.6)));
    expect(esito).toMatchObject({ ammesso: false, codice: 'allegato-pdf-incompleto' });
    expect(messaggioDi(esito)).toBe('Il file "troncato.pdf" non è un PDF valido: potrebbe essere incompleto. Salvalo di nuovo e riprova.');
  });

  it('refuses an encrypted PDF', async () => {
    const cifrato = await pdfCon((doc) => doc.encrypt({ userPassword: 'segreta', ownerPassword: 'proprietario' }));
    expect(await verifica('cifrato.pdf', cifrato)).toMatchObject({ ammesso: false, codice: 'allegato-pdf-cifrato' });
  });

  it('refuses a PDF whose page tree claims a huge page count, without walking it', async () => {
    const enorme = await pdfCon((doc) => (doc.catalog.lookup(PDFName.of('Pages')) as PDFDict).set(PDFName.of('Count'), PDFNumber.of(50_000_000)));
    const esito = await verifica('enorme.pdf', enorme);
    expect(esito).toMatchObject({ ammesso: false, codice: 'allegato-pdf-troppe-pagine' });
    expect(messaggioDi(esito)).toContain('50.000.000 pagine');
  });

  it('survives a metadata stream that inflates without end (reported as no declaration)', async () => {
    const bomba = await pdfCon((doc) => doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.flateStream('A'.repeat(20 * 1024 * 1024), { Type: 'Metadata', Subtype: 'XML' }))));
    expect(bomba.length).toBeLessThan(200_000);
    const esito = await verifica('bomba.pdf', bomba);
    expect(esito).toMatchObject({ ammesso: true, pdf: { pdfa: null } });
  });

  it('refuses a file larger than the slot allows, or than a PDF can be checked, before parsing it', async () => {
    expect(await verifica('grande.pdf', pdfA, { byteMassimi: 1000 })).toMatchObject({ ammesso: false, codice: 'allegato-troppo-grande' });
    const limiti = { byteMassimi: 1000, pagineMassime: 10, millisecondiMassimi: 1000 };
    const esito = await verificaAllegato('grande.pdf', pdfA, regole(), limiti);
    expect(esito).toMatchObject({ ammesso: false, codice: 'allegato-troppo-grande' });
    expect(messaggioDi(esito)).toContain('fino a 1000 byte');
  });

  it('refuses garbage dressed as a PDF with a message', async () => {
    const finto = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nqualcosa che non è un pdf\nstartxref\n12345\n%%EOF\n');
    const esito = await verifica('finto.pdf', finto);
    expect(esito).toMatchObject({ ammesso: false, codice: 'allegato-pdf-non-valido' });
    expect(messaggioDi(esito)).toMatch(/danneggiato/);
  });

  // verificaAllegato answers every file with a verdict (its catch-all turns a parser's exception into
  // "illeggibile"), so "it does not throw" would prove nothing: each mutated PDF must get the verdict
  // of the stage that caught it, and the catch-all may answer only where the examination itself threw.
  it('refuses as damaged a PDF whose trailer names no catalog (three bytes changed, found by the property below)', async () => {
    const copia = Uint8Array.from(pdfA);
    for (const [i, b] of [[826, 167], [152, 133], [1050, 191]] as const) copia[i] = b;
    expect(await esaminaPdf('radice.pdf', copia)).toMatchObject({ ok: false, codice: 'allegato-pdf-non-valido' });
  });

  it('gives a PDF mutated anywhere the verdict of the check that caught it, "illeggibile" only where the examination threw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(pdfA.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }), async (modifiche) => {
        const copia = Uint8Array.from(pdfA);
        for (const [i, b] of modifiche) copia[i] = b;
        const esito = await verifica('mutato.pdf', copia);
        if (!PDF.riconosci(copia)) return void expect(esito).toMatchObject({ ammesso: false, codice: 'allegato-contenuto-diverso' });
        const esame = await esaminaPdf('mutato.pdf', copia).catch(() => null);
        if (esame === null) expect(esito).toEqual({ ammesso: false, nome: 'mutato.pdf', codice: 'allegato-illeggibile', messaggio: expect.stringContaining('"mutato.pdf"') });
        else if (esame.ok) expect(esito).toMatchObject({ ammesso: true, mime: PDF.mime, dimensione: copia.length, pdf: { versione: esame.versione, pagine: esame.pagine, pdfa: esame.pdfa } });
        else expect(esito).toEqual({ ammesso: false, nome: 'mutato.pdf', codice: esame.codice, messaggio: esame.messaggio });
      }),
      { numRuns: 40 },
    );
  });
});

describe('dichiarazione PDF/A in XMP', () => {
  it('is null when there is none, or when the part is not a PDF/A part', () => {
    expect(dichiarazionePdfA('<x:xmpmeta/>')).toBeNull();
    expect(dichiarazionePdfA(xmpConPrefisso('pdfaid', 'pdfaid:part="7">'))).toBeNull();
  });
  it('has an empty conformance for PDF/A-4', () => {
    expect(dichiarazionePdfA(xmpConPrefisso('pdfaid', '><pdfaid:part>4</pdfaid:part>'))).toEqual({ parte: 4, conformita: '' });
  });
  it('keeps only known conformance levels', () => {
    expect(dichiarazionePdfA(xmpConPrefisso('pdfaid', 'pdfaid:part="2" pdfaid:conformance="zz">'))).toEqual({ parte: 2, conformita: '' });
    expect(etichettaPdfA({ parte: 2, conformita: 'B' })).toBe('2b');
  });
});
