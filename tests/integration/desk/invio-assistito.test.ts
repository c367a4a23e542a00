/**
 * A pratica the operator sends from the desk for an assisted citizen without a card: through
 * the typed bridge of a desk core connected to the reference portal, it reaches the portal
 * once, as the citizen's (the Richiedente is the citizen, whatever the form's data said), with
 * the operator on the pratica, in the outbox payload and in the desk's audit log. Unsigned, it
 * goes with the module that states the identification (document type and number, operator), the
 * portal's copy identical to it, and the receipt states it too. Without an assisted citizen (in
 * the operator's words), or with another one, the pratiche calls are refused.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registroDi } from '../../../electron/core/audit/registro';
import { createCore, type Core } from '../../../electron/composition/core';
import { configSchema } from '../../../electron/core/config/schema';
import { silentLogger } from '../../../electron/core/log/logger';
import { systemClock } from '../../../electron/core/ports/clock';
import { openDatabase } from '../../../electron/core/store/database';
import type { Sportello } from '../../../electron/shared/contract/api';
import { ScriptedCard } from '../../e2e/support/scripted-card';
import { until } from '../pcsc/card-in-reader';
import { eventually } from '../virtual-card/tools';
import { createdPratica } from '../../support/created-pratica';
import { locationOf } from '../../support/database-location';
import { createDeskOperatori, DESK_OPERATORE } from '../../support/desk-issuer';
import { startJourneyPortal, type JourneyPortal } from '../../support/journey-portal';
import { fillMensa, MENSA } from '../../support/mensa-demo';
import { errorOf, latestOf, sportelloOf, valueOf } from '../../support/sportello';
import { cartellaTemporanea, pdftotext } from '../../fixtures/documents/strumenti';

// Keys kept outside the data directories (the audit seal): the tests' own, never the user's.
process.env.SPORTELLO_KEY_DIR ??= join(tmpdir(), 'sportello-test-chiavi');

const ASSISTITO = { codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', documento: { tipo: 'carta-identita', numero: 'CA1234567' } } as const;
const ALTRO = { codiceFiscale: 'MSRNTN77H15C351X', nome: 'Antonio', cognome: 'Musumeci', documento: { tipo: 'passaporto', numero: 'YA7654321' } } as const;
const IDENTIFICAZIONE = `Identificato con carta d'identità n. CA1234567, dall'operatore ${DESK_OPERATORE.nome}`;
const testo = (pdfBase64: string) => {
  const cartella = cartellaTemporanea();
  try {
    return pdftotext(cartella.scrivi('documento.pdf', Buffer.from(pdfBase64, 'base64'))).replace(/\s+/g, ' ');
  } finally {
    cartella.elimina();
  }
};
const { tenant: TENANT, service: SERVICE } = MENSA;

let dataDir: string;
let portal: JourneyPortal;
let core: Core;
let desk: Sportello;
let praticaId: string;

beforeAll(async () => {
  portal = await startJourneyPortal();
  dataDir = mkdtempSync(join(tmpdir(), 'sportello-invio-assistito-'));
  await createDeskOperatori(dataDir);
  process.env.INVIO_ASSISTITO_USER = 'chiosco';
  process.env.INVIO_ASSISTITO_PASSWORD = 'chiosco-demo';
  const config = configSchema.parse({
    mode: 'desk',
    dataDirectory: dataDir,
    portal: { url: `${portal.url}/${portal.tenant}`, credentials: { from: 'env', usernameVar: 'INVIO_ASSISTITO_USER', passwordVar: 'INVIO_ASSISTITO_PASSWORD' } },
    sync: { intervalSeconds: 1 },
  });
  // A card port with no card: the citizen has none at the desk.
  core = await createCore({ config, log: silentLogger, version: 'test', dataDir, cardPortFactory: new ScriptedCard().factory });
  desk = sportelloOf(core, { transport: 'test', clientId: 'banco-1' });
  await valueOf(desk.desk.login({ username: DESK_OPERATORE.username, password: DESK_OPERATORE.password }));
}, 60_000);

afterAll(async () => {
  await core?.dispose();
  await portal?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('pratica assistita inviata dal banco', () => {
  it("senza un cittadino assistito le pratiche sono rifiutate, dicendo all'operatore che cosa fare", async () => {
    const rifiuto = { code: 'assistito-assente', message: expect.stringMatching(/^Scegli prima il cittadino assistito/) };
    expect(await errorOf(desk.pratiche.start({ tenant: TENANT, service: SERVICE }))).toMatchObject(rifiuto);
    expect(await errorOf(desk.pratiche.list({}))).toMatchObject(rifiuto);
    expect((await errorOf(desk.pratiche.list({}))).message).not.toMatch(/tua carta/);
  });

  it("arriva al portale una volta, del cittadino, con l'operatore registrato", async () => {
    await valueOf(desk.desk['assistito.imposta'](ASSISTITO));
    // The catalogue comes from the portal at the first sync cycle.
    await eventually(async () => {
      const found = await desk.catalogue.search({ tenant: TENANT, query: 'mensa' });
      return found.ok && found.value.some((s) => s.slug === SERVICE);
    }, 'il servizio nel catalogo dal portale', 30_000);
    const terms = await valueOf(desk.pratiche.terms({ tenant: TENANT }));
    if (terms.mustAccept && terms.version) await valueOf(desk.pratiche.acceptTerms({ tenant: TENANT, version: terms.version }));
    const pratica = await createdPratica(desk.pratiche.start({ tenant: TENANT, service: SERVICE, newDraft: true }));
    praticaId = pratica.id;
    await fillMensa(desk, pratica.id);
    const review = await valueOf(desk.pratiche.review({ id: pratica.id }));
    expect(review.sezioni.length).toBeGreaterThan(0);
    // Identified on a document, the citizen is not asked for the card's signature.
    expect(await valueOf(desk.pratiche.signatureStatus({ id: pratica.id }))).toMatchObject({ richiesta: false });
    const inviata = await valueOf(desk.pratiche.submit({ id: pratica.id }));
    expect(inviata.openedBy).toBe(DESK_OPERATORE.username);

    const remote = await portal.waitForApplication(ASSISTITO.codiceFiscale, SERVICE, 30_000);
    await until(() => latestOf(desk, 'sync.status')?.outbox === 0, 'outbox vuota', 30_000);
    expect(portal.applications().filter((a) => a.serviceSlug === SERVICE)).toHaveLength(1);
    const applicant = (portal.stored(remote.id).data.applicant as { data: Record<string, { data: Record<string, string> }> }).data;
    // The sample's form data name Giulia Bianchi: the Richiedente is the assisted citizen all the same.
    expect(applicant.fiscal_code?.data.fiscal_code).toBe(ASSISTITO.codiceFiscale);
    expect(applicant.completename?.data).toMatchObject({ name: ASSISTITO.nome, surname: ASSISTITO.cognome });

    // The module the portal holds is the one that states how the operator identified the citizen.
    const modulo = await valueOf(desk.pratiche.document({ id: pratica.id, tipo: 'modulo' }));
    expect(modulo).toMatchObject({ nomeFile: 'modulo.pdf', mimeType: 'application/pdf' });
    expect(testo(modulo.contentBase64)).toContain(IDENTIFICAZIONE);
    const sha256 = createHash('sha256').update(Buffer.from(modulo.contentBase64, 'base64')).digest('hex');
    expect(portal.stored(remote.id).attachmentDigests).toContain(sha256);
    expect(portal.stored(remote.id).data.modulo_compilato).toEqual([expect.objectContaining({ originalName: 'modulo.pdf' })]);

    const receipt = testo((await valueOf(desk.pratiche.receipt({ id: pratica.id, formato: 'a4' }))).pdfBase64);
    expect(receipt).toContain(`Presentata da l'operatore ${DESK_OPERATORE.nome}, allo sportello, per conto del richiedente`);
    expect(receipt).toContain(`Identificazione ${IDENTIFICAZIONE}`);
    expect(receipt).toContain('modulo.pdf');
  }, 90_000);

  it("il registro di audit dice chi l'ha inviata e per chi", () => {
    const db = openDatabase(locationOf(dataDir));
    try {
      const voci = [...registroDi(db, dataDir, systemClock).entries()].filter((e) => e.kind === 'pratica.inviata');
      expect(voci).toHaveLength(1);
      expect(voci[0]).toMatchObject({
        operatore: DESK_OPERATORE.username,
        data: { pratica: praticaId, servizio: SERVICE, codiceFiscale: ASSISTITO.codiceFiscale, apertaDa: DESK_OPERATORE.username },
      });
    } finally {
      db.close();
    }
  });

  it("con un altro cittadino assistito, le pratiche del primo non si vedono", async () => {
    await valueOf(desk.desk['assistito.imposta'](ALTRO));
    expect((await valueOf(desk.pratiche.list({}))).pratiche).toEqual([]);
    expect(await desk.pratiche.get({ id: praticaId })).toMatchObject({ ok: false });
    await valueOf(desk.desk['assistito.annulla']({}));
    expect(await errorOf(desk.pratiche.get({ id: praticaId }))).toMatchObject({ code: 'assistito-assente' });
  });
});
