/**
 * The signed module in a submission, over a real SQLite database and a real content
 * store: required for a citizen with a card (at the desk too), replaced at the desk by the
 * module stating how the operator identified a citizen without a card, void once the data change.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { improntaDati } from '../../../electron/core/firma/impronta';
import { createFirmaInvio } from '../../../electron/core/firma/invio';
import { SIGNED_MODULE_KEY } from '../../../electron/core/catalogue/forms/file-components';
import { createBlobStore } from '../../../electron/core/store/blob-store';
import type { Citizen } from '../../../electron/core/pratiche/citizen';
import { openDatabase, type Db } from '../../../electron/core/store/database';
import { createModuliFirmatiRepo } from '../../../electron/core/store/moduli-firmati-repo';
import { createModuliPerContoRepo } from '../../../electron/core/store/moduli-per-conto-repo';

const citizen: Citizen = {
  card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', dataNascita: null },
  operator: null,
};
const atDesk: Citizen = { ...citizen, operator: 'operatore-01' };
const identificato: Citizen = {
  ...atDesk,
  identificazione: { operatore: { username: 'operatore-01', nome: 'Mario Bianchi' }, documento: { tipo: 'carta-identita', etichetta: "Carta d'identità", numero: 'CA1234567' } },
};
const data = { anno: '2026-2027', figli: [{ nome: 'Sofia', classe: 2 }] };
const attachments = [{ key: 'isee', sha256: 'a'.repeat(64), name: 'isee.pdf', mimeType: 'application/pdf', size: 10 }];

const KEY = randomBytes(32);
let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sportello-firma-unit-'));
  db = openDatabase(':memory:');
  db.prepare(`INSERT INTO pratiche (id, citizen_cf, tenant_slug, service_slug, service_id, status, step_id, created_at, updated_at)
    VALUES ('p1', 'RSSMRA80A01H501U', 't', 's', 'sid', 1000, 'riepilogo', 'now', 'now')`).run();
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup(obbligatoria: boolean) {
  const moduli = createModuliFirmatiRepo(db);
  const perConto = createModuliPerContoRepo(db);
  const blobs = createBlobStore(join(dir, 'allegati'), KEY);
  return { moduli, perConto, blobs, invio: createFirmaInvio({ moduli, perConto, blobs, obbligatoria }) };
}

function sign(s: ReturnType<typeof setup>, signedData: Record<string, unknown>) {
  const p7m = Buffer.from('firmato');
  const sha = s.blobs.put(p7m);
  s.moduli.save({ praticaId: 'p1', pdfSha256: sha, p7mSha256: sha, p7mSize: p7m.length, dataSha256: improntaDati(signedData, attachments), signerCf: citizen.card.codiceFiscale, signedAt: 'now' });
  return sha;
}

describe('improntaDati', () => {
  it('ignores key order, but changes with any value or attachment', () => {
    const base = improntaDati(data, attachments);
    expect(improntaDati({ figli: [{ classe: 2, nome: 'Sofia' }], anno: '2026-2027' }, attachments)).toBe(base);
    expect(improntaDati({ ...data, anno: '2027-2028' }, attachments)).not.toBe(base);
    expect(improntaDati(data, [{ ...attachments[0]!, sha256: 'b'.repeat(64) }])).not.toBe(base);
    expect(improntaDati(data, [])).not.toBe(base);
  });
});

describe('the signed module at submission', () => {
  it('is required from a citizen with a card, and says so in Italian', () => {
    const { invio } = setup(true);
    expect(() => invio.allegatoFirmato(citizen, 'p1', data, attachments)).toThrow(/firma la domanda con la tua carta/);
  });

  it('is required at the desk from a citizen whose card is in the reader', () => {
    expect(() => setup(true).invio.allegatoFirmato(atDesk, 'p1', data, attachments)).toThrow(/firma la domanda con la tua carta/);
  });

  it("for a citizen the operator identified on a document, the unsigned module saying so goes as modulo_compilato", () => {
    const s = setup(true);
    const pdf = Buffer.from('%PDF modulo per conto');
    const sha = s.blobs.put(pdf);
    s.perConto.save({
      praticaId: 'p1', pdfSha256: sha, pdfSize: pdf.length, dataSha256: improntaDati(data, attachments), operatore: 'operatore-01', operatoreNome: 'Mario Bianchi',
      documento: { tipo: 'carta-identita', etichetta: "Carta d'identità", numero: 'CA1234567' }, createdAt: 'now',
    });
    expect(s.invio.allegatoFirmato(identificato, 'p1', data, attachments)).toEqual({ key: SIGNED_MODULE_KEY, sha256: sha, name: 'modulo.pdf', mimeType: 'application/pdf', size: pdf.length });
    // A module of other data is not this pratica's.
    expect(s.invio.allegatoFirmato(identificato, 'p1', { ...data, anno: '2027-2028' }, attachments)).toBeNull();
  });

  it('joins the payload as modulo_compilato when the data are those signed', () => {
    const s = setup(true);
    const sha = sign(s, data);
    expect(s.invio.allegatoFirmato(citizen, 'p1', structuredClone(data), attachments)).toEqual({
      key: SIGNED_MODULE_KEY, sha256: sha, name: 'modulo.pdf.p7m', mimeType: 'application/pkcs7-mime', size: 7,
    });
    expect(SIGNED_MODULE_KEY).toBe('modulo_compilato');
  });

  it('is void once the data changed, at the desk too', () => {
    const s = setup(true);
    sign(s, data);
    const changed = { ...data, anno: '2027-2028' };
    for (const who of [citizen, atDesk]) {
      expect(() => s.invio.allegatoFirmato(who, 'p1', changed, attachments)).toThrow(/la firma non vale più/);
    }
  });

  it('refuses a signature whose file left the content store', () => {
    const s = setup(true);
    const sha = sign(s, data);
    rmSync(s.blobs.pathOf(sha));
    expect(() => s.invio.allegatoFirmato(citizen, 'p1', data, attachments)).toThrow(/firma di nuovo/);
  });
});
