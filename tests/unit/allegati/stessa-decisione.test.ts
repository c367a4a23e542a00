/**
 * One verdict per file, whichever way the file joins a pratica: the wizard's upload
 * (`pratiche.attachments.add`, through the contract's zod schemas), a document reused
 * from "I miei allegati" (`pratiche.attachments.reuse`, with the file planted in the
 * library as an older, laxer version of the app could have stored it), and the checker
 * itself. Before, the wizard asked `documents.verificaAllegato` and then uploaded again
 * to a second checker that disagreed with it.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PDFName, PDFString } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogue } from '../../../electron/core/catalogue/import';
import { readCatalogueDirectory } from '../../../electron/core/catalogue/read-directory';
import type { AttachmentSpec } from '../../../electron/core/catalogue/format';
import { verificaAllegato } from '../../../electron/core/documents/allegati/verifica-allegato';
import { regoleDelloSlot } from '../../../electron/core/pratiche/allegati/allegati';
import { createAllegatiRepo } from '../../../electron/core/store/allegati-repo';
import { ANNA, createHarness, FIXTURES, type Harness } from '../../integration/pratiche/harness';
import type { Result } from '../../../electron/shared/contract/define';
import { createdPratica } from '../../support/created-pratica';
import { errorOf, valueOf } from '../../support/sportello';
import { filesOf } from '../../support/database-location';
import {
  JPEG,
  pdfA,
  pdfCon,
  pdfConAzioneInFlussoCompresso,
  pdfConFileIncorporato,
  pdfConJavaScript,
  pdfConJavaScriptEsadecimale,
  pdfConXmp,
  PNG,
  troncato,
  xmpPdfA,
} from '../../support/allegati';

const TENANT = 'comune-alfa';
const SERVIZIO = 'prova-allegati';
const SLOT: Record<string, AttachmentSpec> = {
  pdf: { key: 'pdf', label: 'Documento', description: '', required: false, requiredWhen: null, mimeTypes: ['application/pdf'], maxSizeMb: 5, pdfa: false },
  pdfa: { key: 'pdfa', label: 'Attestazione ISEE', description: '', required: false, requiredWhen: null, mimeTypes: ['application/pdf'], maxSizeMb: 5, pdfa: true },
  immagine: { key: 'immagine', label: 'Foto', description: '', required: false, requiredWhen: null, mimeTypes: ['image/jpeg', 'image/png'], maxSizeMb: 5, pdfa: false },
};

interface Caso {
  file: string;
  slot: keyof typeof SLOT;
  nome: string;
  byte: () => Promise<Uint8Array> | Uint8Array;
  /** 'ok' or the refusal code. */
  atteso: string;
  pdfa?: string | null;
}

const linkUri = () =>
  pdfCon((doc) => {
    const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 100, 20], A: { S: 'URI', URI: PDFString.of('https://www.comune.example.it') } });
    doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]));
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj([doc.getPage(0).ref, PDFName.of('Fit')]));
  });

const CASI: Caso[] = [
  { file: 'PDF/A with pdfaid:', slot: 'pdfa', nome: 'isee.pdf', byte: pdfA, atteso: 'ok', pdfa: '2b' },
  { file: 'PDF/A with another prefix', slot: 'pdfa', nome: 'isee.pdf', byte: () => pdfConXmp(xmpPdfA('id', '3', 'u')), atteso: 'ok', pdfa: '3u' },
  { file: 'PDF/A with a Flate-compressed XMP', slot: 'pdfa', nome: 'isee.pdf', byte: () => pdfConXmp(xmpPdfA('pdfaid', '1', 'A', 'elemento'), true), atteso: 'ok', pdfa: '1a' },
  { file: 'PDF/A, compressed XMP and another prefix', slot: 'pdfa', nome: 'isee.pdf', byte: () => pdfConXmp(xmpPdfA('a', '2', 'B'), true), atteso: 'ok', pdfa: '2b' },
  { file: 'plain PDF where PDF/A is required', slot: 'pdfa', nome: 'isee.pdf', byte: () => pdfCon(), atteso: 'allegato-non-pdfa' },
  { file: 'plain PDF where PDF/A is not required', slot: 'pdf', nome: 'lettera.pdf', byte: () => pdfCon(), atteso: 'ok', pdfa: null },
  { file: 'truncated PDF', slot: 'pdf', nome: 'isee.pdf', byte: async () => troncato(await pdfA()), atteso: 'allegato-pdf-incompleto' },
  { file: 'PDF with /OpenAction JavaScript', slot: 'pdfa', nome: 'isee.pdf', byte: () => pdfConJavaScript(), atteso: 'allegato-pdf-contenuto-attivo' },
  { file: 'PDF with /J#61vaScript', slot: 'pdfa', nome: 'isee.pdf', byte: pdfConJavaScriptEsadecimale, atteso: 'allegato-pdf-contenuto-attivo' },
  { file: 'PDF with JavaScript in object streams', slot: 'pdfa', nome: 'isee.pdf', byte: () => pdfConJavaScript({ flussiDiOggetti: true }), atteso: 'allegato-pdf-contenuto-attivo' },
  {
    file: 'PDF with a hex-escaped /Launch in a compressed object stream',
    slot: 'pdf',
    nome: 'isee.pdf',
    byte: () => pdfConAzioneInFlussoCompresso('<< /S /L#61unch /F (cmd.exe) >>'),
    atteso: 'allegato-pdf-contenuto-attivo',
  },
  { file: 'PDF opening a web address by itself', slot: 'pdf', nome: 'x.pdf', byte: () => pdfConAzioneInFlussoCompresso('<< /S /URI /URI (https://x.example) >>'), atteso: 'allegato-pdf-contenuto-attivo' },
  { file: 'PDF with a clickable link and an OpenAction to page 1', slot: 'pdf', nome: 'x.pdf', byte: linkUri, atteso: 'ok', pdfa: null },
  { file: 'PDF with an embedded file', slot: 'pdf', nome: 'x.pdf', byte: pdfConFileIncorporato, atteso: 'allegato-pdf-contenuto-attivo' },
  { file: 'JPEG named .png', slot: 'immagine', nome: 'foto.png', byte: () => JPEG, atteso: 'allegato-contenuto-diverso' },
  { file: 'PNG named .jpg', slot: 'immagine', nome: 'foto.jpg', byte: () => PNG, atteso: 'allegato-contenuto-diverso' },
  { file: 'JPEG', slot: 'immagine', nome: 'foto.jpeg', byte: () => JPEG, atteso: 'ok', pdfa: null },
  { file: 'JPEG named .pdf', slot: 'pdf', nome: 'documento.pdf', byte: () => JPEG, atteso: 'allegato-contenuto-diverso' },
  { file: 'empty file', slot: 'pdf', nome: 'vuoto.pdf', byte: () => new Uint8Array(), atteso: 'allegato-vuoto' },
  { file: 'bidi-spoofed name "fattura\\u202Efdp.exe"', slot: 'pdfa', nome: 'fattura\u202Efdp.exe', byte: pdfA, atteso: 'allegato-tipo-non-ammesso' },
];

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('one attachment checker, the same verdict through every entry point', () => {
  let h: Harness;
  const byte = new Map<string, Uint8Array>();

  beforeAll(async () => {
    h = createHarness();
    h.as(ANNA);
    const alfa = readCatalogueDirectory(join(FIXTURES, TENANT));
    const modello = alfa.services.find((s) => s.slug === 'iscrizione-mensa-scolastica')!;
    const prova = { ...modello, id: '11111111-0000-4000-8000-0000000000a1', slug: SERVIZIO, x_sportello_multiple_drafts: true, x_sportello_attachments: Object.values(SLOT) };
    importCatalogue(h.area.catalogueRepo, { ...alfa, services: [...alfa.services, prova] }, h.clock);
    await valueOf(h.api.pratiche.acceptTerms({ tenant: TENANT, version: '2026-01' }));
    for (const caso of CASI) byte.set(caso.file, await caso.byte());
  });
  afterAll(() => h.close());

  /** A fresh draft per attempt, so the files of one case never count against another's slot. */
  const nuovaBozza = async (): Promise<string> => (await createdPratica(h.api.pratiche.start({ tenant: TENANT, service: SERVIZIO, newDraft: true }))).id;

  /** The file as "I miei allegati" holds it, without any check: as an older version could have stored it. */
  const nellaLibreria = (nome: string, contenuto: Uint8Array): string => {
    const sha256 = filesOf(h.dataDir).allegati.put(contenuto);
    const record = { id: randomUUID(), citizenCf: ANNA.card.codiceFiscale, sha256, name: nome, mimeType: 'application/octet-stream', size: contenuto.length, pdfa: null, createdAt: h.clock.now().toISOString(), sealedSha256: null };
    return createAllegatiRepo(h.area.db).add(record).id;
  };

  it.each(CASI)('$file → $atteso', async (caso) => {
    const contenuto = byte.get(caso.file)!;
    const slot = SLOT[caso.slot]!;

    const caricato = await h.api.pratiche['attachments.add']({ id: await nuovaBozza(), slot: slot.key, name: caso.nome, contentBase64: b64(contenuto) });
    // The library cannot hold an empty file (the store refuses it): that path does not exist for it.
    const riusato =
      contenuto.length > 0 ? await h.api.pratiche['attachments.reuse']({ id: await nuovaBozza(), slot: slot.key, allegatoId: nellaLibreria(caso.nome, contenuto) }) : caricato;
    const diretto = await verificaAllegato(caso.nome, contenuto, regoleDelloSlot(slot));

    const verdetto = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
    expect([verdetto(caricato), verdetto(riusato), diretto.ammesso ? 'ok' : diretto.codice]).toEqual([caso.atteso, caso.atteso, caso.atteso]);

    if (caricato.ok && caso.pdfa !== undefined) expect(caricato.value.allegato.pdfa).toBe(caso.pdfa);
    if (!caricato.ok && !diretto.ammesso) {
      expect(caricato.error.message).toBe(diretto.messaggio);
      // A name that reads differently from what it is never reaches a message, a record or the comune.
      expect(caricato.error.message).not.toMatch(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
    }
  });

  it('answers the upload with the remark the wizard shows, and the file as stored', async () => {
    const risposta = await valueOf(h.api.pratiche['attachments.add']({ id: await nuovaBozza(), slot: 'pdf', name: 'lettera.pdf', contentBase64: b64(byte.get('plain PDF where PDF/A is not required')!) }));
    expect(risposta.avvisi).toEqual([expect.stringContaining('non è un PDF/A')]);
    expect(risposta.allegato).toMatchObject({ name: 'lettera.pdf', mimeType: 'application/pdf', pdfa: null });
    expect(risposta.pratica.attachmentSlots.find((s) => s.key === 'pdf')?.files).toHaveLength(1);
    expect(risposta.pratica.attachmentSlots.find((s) => s.key === 'immagine')?.formati).toEqual(['JPG', 'PNG']);
    const conPdfA = await valueOf(h.api.pratiche['attachments.add']({ id: await nuovaBozza(), slot: 'pdfa', name: 'isee.pdf', contentBase64: b64(byte.get('PDF/A with pdfaid:')!) }));
    expect(conPdfA.avvisi).toEqual([]);
  });

  it('stores the name without invisible characters', async () => {
    const risposta = await valueOf(h.api.pratiche['attachments.add']({ id: await nuovaBozza(), slot: 'immagine', name: 'foto\u202Egnp.jpeg', contentBase64: b64(JPEG) }));
    expect(risposta.allegato.name).toBe('fotognp.jpeg');
  });

  it('names formats as extensions and sizes as a person reads them', async () => {
    const grande = new Uint8Array(6 * 1024 * 1024 + 300 * 1024);
    grande.set(JPEG);
    const errore = await errorOf(h.api.pratiche['attachments.add']({ id: await nuovaBozza(), slot: 'immagine', name: 'foto.jpg', contentBase64: b64(grande) }));
    expect(errore).toMatchObject({ code: 'allegato-troppo-grande' });
    expect(errore.message).toContain('pesa 6,3 MB: per "Foto" il massimo è 5 MB');
    const tipo = await errorOf(h.api.pratiche['attachments.add']({ id: await nuovaBozza(), slot: 'immagine', name: 'foto.gif', contentBase64: b64(JPEG) }));
    expect(tipo.message).toContain('sono ammessi solo file JPG, PNG');
    expect(tipo.message).not.toContain('image/');
  });
});
