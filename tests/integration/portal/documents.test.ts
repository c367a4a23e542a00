/**
 * The reference portal's citizen documents against DocumentsAPIController.php, FoldersAPIController.php,
 * Entity/Document.php, Form/DocumentAPIType.php, DocumentVoter.php and DocumentFileService.php: the
 * shape (tests/fixtures/sdc/documents.json), who may call what, the list's filters, the download
 * (redirect to the bucket for a stored file) and the form's errors.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenId, createDocument, createFolder, documentBody, giveDocument } from '../../portal/documents-office';
import { citizenToken, officeWith, playOffice, type Office } from '../../portal/office';
import { startPortal, type Portal } from '../../portal/server';
import { SERVICE, TEST_CATALOGUE } from '../sync/kiosk';
import { bearer, expectShapeOf, http, TEST_ACCOUNTS } from './portal-support';

const ROSSI = 'RSSMRA80A01H501U';
const VERDI = 'VRDLGU70A01H501S';
const PDF = Buffer.from('%PDF-1.4 certificato di residenza');
const person = (cf: string, name: string) => ({ data: { fiscal_code: { data: { fiscal_code: cf } }, completename: { data: { name, surname: 'Test' } }, email_address: `${name}@example.it` } });

let portal: Portal;
let api: string;
let kiosk: Office;
let office: Office;
let nobody: Office;

beforeAll(async () => {
  portal = await startPortal({ catalogueDir: TEST_CATALOGUE, accounts: TEST_ACCOUNTS });
  api = `${portal.url}/${portal.tenant}/api`;
  kiosk = officeWith(portal, await bearer(api, 'chiosco', 'chiosco-demo'));
  nobody = officeWith(portal, await bearer(api, 'nessuno', 'nessuno-demo'));
  office = await playOffice(portal);
  // The citizens exist once an application names them (PraticaManager::checkUser).
  for (const [cf, name] of [[ROSSI, 'Mario'], [VERDI, 'Luigi']] as const) {
    expect((await kiosk.call('POST', '/applications', { service: SERVICE.id, data: { applicant: person(cf, name) }, status: 1900 })).status).toBe(201);
  }
});
afterAll(() => portal.close());

describe('documenti del cittadino: come DocumentsAPIController', () => {
  it('POST 201 con il Document di JMS (virtuali prima, recipient_type tenant, download_link assoluto), uguale nella lista e nel dettaglio', async () => {
    const doc = await giveDocument(portal, office, ROSSI, { title: 'Certificato di residenza', name: 'certificato-residenza.pdf', mimeType: 'application/pdf', bytes: PDF, description: 'Ufficio Anagrafe' });
    expectShapeOf('documents', [doc], (b) => (b as unknown[])[0]);
    expect(Object.keys(doc)).toEqual(['owner', 'store', 'file', 'folder', 'tenant', 'topics', 'correlated_services', 'id', 'recipient_type', 'version', 'md5', 'original_filename', 'mime_type', 'address', 'download_link', 'title', 'description', 'readers_allowed', 'last_read_at', 'downloads_counter', 'validity_begin', 'validity_end', 'expire_at', 'due_date', 'created_at', 'updated_at']);
    expect(doc).toMatchObject({ owner: citizenId(portal, ROSSI), store: true, file: '', tenant: portal.catalogue.tenant.id, recipient_type: 'tenant', version: 1, address: null, readers_allowed: [], downloads_counter: 0, last_read_at: null });
    expect(doc.download_link).toBe(`${api}/documents/${doc.id}/download`);
    expect(doc.md5).toBe(createHash('md5').update(PDF).digest('hex'));
    // PrePersist: five years from now when not given.
    expect(Number(String(doc.expire_at).slice(0, 4)) - Number(String(doc.created_at).slice(0, 4))).toBe(5);
    expect(String(doc.created_at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);

    const one = await kiosk.call('GET', `/documents/${doc.id}`);
    expect(one).toEqual({ status: 200, body: doc });
    const list = await kiosk.call('GET', `/documents?cf=${ROSSI.toLowerCase()}`);
    expect(list.status).toBe(200);
    expectShapeOf('documents', list.body);
    expect(list.body).toEqual([doc]);
  });

  it("un operatore qualsiasi (anche senza servizi) elenca i documenti di tutti; cf, title e folder filtrano, folder-title e folder non uuid sono la pagina 500", async () => {
    const a = await giveDocument(portal, office, VERDI, { title: 'Carta identità', name: 'ci.png', mimeType: 'image/png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), folderTitle: 'Identità' });
    const b = await giveDocument(portal, office, VERDI, { title: 'Nota', name: 'nota.txt', mimeType: 'text/plain', bytes: Buffer.from('nota semplice\n') });
    const ids = (r: { body: unknown }) => (r.body as { id: string }[]).map((d) => d.id);
    const all = await nobody.call('GET', '/documents');
    expect(all.status).toBe(200);
    expect(ids(all)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((all.body as unknown[]).length).toBeGreaterThanOrEqual(3);
    expect(ids(await kiosk.call('GET', `/documents?cf=${VERDI}`))).toEqual([a.id, b.id]);
    expect(ids(await kiosk.call('GET', `/documents?cf=${VERDI}&title=NOTA`))).toEqual([b.id]);
    expect(ids(await kiosk.call('GET', `/documents?folder=${String(a.folder).toUpperCase()}`))).toEqual([a.id]);
    expect(ids(await kiosk.call('GET', '/documents?cf=XXXXXX00A00X000X'))).toEqual([]);
    for (const q of ['folder-title=Identità', 'folder=non-un-uuid']) {
      const r = await kiosk.call('GET', `/documents?${q}`);
      expect(r.status, q).toBe(500);
      expect(String(r.body)).toContain('<h1>500</h1>');
    }
  });

  it('download: file salvato -> 302 al bucket firmato, i byte identici con Content-Type e Content-Disposition; firma alterata 403', async () => {
    const doc = await giveDocument(portal, office, ROSSI, { title: 'Ricevuta', name: 'Ricevuta pagamento (1).pdf', mimeType: 'application/pdf', bytes: PDF });
    const res = await http.get(`${api}/documents/${doc.id}/download`, { headers: kiosk.headers });
    expect(res.status).toBe(302);
    const location = String(res.headers.location);
    expect(location).toContain(`/s3/uploads/documents/users/${doc.owner as string}/${doc.folder as string}/${doc.id}.pdf?`);
    const file = await http.get(location, { responseType: 'arraybuffer' });
    expect(file.status).toBe(200);
    expect(Buffer.from(file.data as ArrayBuffer).equals(PDF)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe('attachment; filename=Ricevuta-pagamento-1.pdf');
    const forged = await http.get(location.replace(/X-Amz-Signature=[0-9a-f]/, 'X-Amz-Signature=z'));
    expect(forged.status).toBe(403);
    expect(String(forged.data)).toContain('SignatureDoesNotMatch');
    // The API's download does not count.
    expect(((await kiosk.call('GET', `/documents/${doc.id}`)).body as { downloads_counter: number }).downloads_counter).toBe(0);
  });

  it('errori: dettaglio e download 404 ["Object not found"], non uuid 404 sul dettaglio e 500 sul download; DELETE 204 anche per un id ignoto', async () => {
    const unknown = '00000000-0000-4000-8000-00000000dead';
    expect(await kiosk.call('GET', `/documents/${unknown}`)).toEqual({ status: 404, body: ['Object not found'] });
    expect(await kiosk.call('GET', '/documents/abc')).toEqual({ status: 404, body: ['Object not found'] });
    expect(await kiosk.call('GET', `/documents/${unknown}/download`)).toEqual({ status: 404, body: ['Object not found'] });
    expect((await kiosk.call('GET', '/documents/abc/download')).status).toBe(500);
    expect(await office.call('DELETE', `/documents/${unknown}`)).toEqual({ status: 204, body: null });
    const doc = await giveDocument(portal, office, ROSSI, { title: 'Da cancellare', name: 'x.txt', mimeType: 'text/plain', bytes: Buffer.from('x') });
    expect((await office.call('DELETE', `/documents/${doc.id}`)).status).toBe(204);
    expect((await kiosk.call('GET', `/documents/${doc.id}`)).status).toBe(404);
    expect((await http.get(`${api}/documents`)).status).toBe(401);
  });

  it('il cittadino: elenco e POST la pagina 403, dettaglio e download la pagina 500 (DocumentVoter chiama getRelatedCFs, che Document non ha); la propria cartella sì', async () => {
    const doc = await giveDocument(portal, office, ROSSI, { title: 'Mio', name: 'mio.txt', mimeType: 'text/plain', bytes: Buffer.from('mio') });
    const citizen = await citizenToken(portal, ROSSI);
    expect((await citizen.call('GET', '/documents')).status).toBe(403);
    expect((await citizen.call('POST', '/documents', {})).status).toBe(403);
    expect((await citizen.call('GET', `/documents/${doc.id}`)).status).toBe(500);
    expect((await citizen.call('GET', `/documents/${doc.id}/download`)).status).toBe(500);
    expect((await citizen.call('GET', `/folders/${doc.folder as string}`)).status).toBe(200);
    expect(await (await citizenToken(portal, VERDI)).call('GET', `/folders/${doc.folder as string}`)).toEqual({ status: 404, body: ['Object not found'] });
  });
});

describe('POST documents e folders: i controlli di DocumentAPIType e FolderType', () => {
  const errorsOf = async (body: unknown) => {
    const r = await createDocument(office, body);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body).toMatchObject({ type: 'validation_error', title: 'There was a validation error' });
    return (r.body as { errors: unknown[] }).errors;
  };
  let owner: string;
  let folder: string;
  const spec = { title: 'Prova', name: 'prova.pdf', mimeType: 'application/pdf', bytes: PDF };
  beforeAll(async () => {
    owner = citizenId(portal, VERDI);
    const made = await createFolder(office, owner, 'Controlli');
    expect(made.status).toBe(201);
    expect(Object.keys(made.body as object)).toEqual(['owner', 'tenant', 'correlated_services', 'id', 'title', 'description', 'created_at', 'updated_at']);
    folder = (made.body as { id: string }).id;
  });

  it('la prima verifica di onSubmit che fallisce, come errore del form; i NotBlank sui campi', async () => {
    const root = (m: string) => [`${m}: app_bundle_document_api`];
    expect(await errorsOf({ ...documentBody(owner, folder, spec), mime_type: 'application/x-msdownload' })).toEqual(root('Mime type non ammesso'));
    expect(await errorsOf({ ...documentBody(owner, folder, spec), original_filename: 'prova' })).toEqual(root("E'obbligatoruo specificare l'estensione del file nel parametro original_filename"));
    expect(await errorsOf({ ...documentBody(owner, folder, spec), original_filename: 'prova.PDF' })).toEqual(root('Estersione non ammessa'));
    expect(await errorsOf({ ...documentBody(owner, folder, spec), original_filename: 'però.pdf' })).toEqual(root('Il valore del parametro original_filename non è una stringa ASCII valida'));
    expect(await errorsOf({ ...documentBody(owner, folder, spec), md5: 'abc' })).toEqual(root("L'MD5 del file non coincide con quanto specificato nel parametro md5"));
    expect(await errorsOf({ ...documentBody(owner, folder, spec), mime_type: 'image/png', original_filename: 'prova.png' })).toEqual(root('Il mime type del file non coincide con quanto specificato nel parametro mime_type'));
    expect(await errorsOf({ ...documentBody(citizenId(portal, ROSSI), folder, spec) })).toEqual(root("L'utente specificato non risulta essere il proprietario della cartella"));
    expect(await errorsOf({ ...documentBody(owner, folder, spec), recipient_type: 'user' })).toEqual(root('This form should not contain extra fields.'));
    expect(await errorsOf({ ...documentBody(owner, folder, spec), title: '' })).toEqual([['Questo campo è obbligatorio (title): title']]);
    expect(await errorsOf({ ...documentBody(owner, folder, spec), folder: undefined })).toEqual([...root("L'identificativo della cartella specificata non è valido"), ['Questo campo è obbligatorio (folder): folder']]);
    expect(await errorsOf({ ...documentBody(owner, folder, spec), folder: '00000000-0000-4000-8000-00000000dead' })).toEqual([...root("L'identificativo della cartella specificata non è valido"), ['This value is not valid.: folder']]);
  });

  it("date: validità tutte e due o nessuna, scadenza oltre oggi ed entro dieci anni; un titolo ripetuto nella cartella è l'errore di salvataggio", async () => {
    expect(await errorsOf({ ...documentBody(owner, folder, spec), validity_begin: '2030-01-01T00:00:00' })).toEqual(['If validity begin is defined, validity end should be not null: app_bundle_document_api']);
    expect(await errorsOf({ ...documentBody(owner, folder, spec), expire_at: '2001-01-01T00:00:00' })).toEqual(['Expire date must be greater than current day: app_bundle_document_api']);
    expect(await errorsOf({ ...documentBody(owner, folder, spec), expire_at: '2999-01-01T00:00:00' })).toEqual(['Maximum availability interval is 10 years: app_bundle_document_api']);
    expect(await errorsOf({ ...documentBody(owner, folder, spec), due_date: 'domani' })).toEqual([['This value is not valid.: due_date']]);
    expect((await createDocument(office, documentBody(owner, folder, spec))).status).toBe(201);
    expect(await createDocument(office, documentBody(owner, folder, spec))).toEqual({ status: 500, body: { type: 'error', title: 'There was an error during save process', description: 'Contact technical support at support@opencontent.it' } });
  });

  it('cartelle: NotBlank di title e owner, owner ignoto non valido, duplicato 500; elenco per cf', async () => {
    expect(await createFolder(office, '', '')).toMatchObject({ status: 400, body: { errors: [['Questo campo è obbligatorio (title): title'], ['Questo campo è obbligatorio (owner): owner']] } });
    expect(await createFolder(office, '00000000-0000-4000-8000-00000000dead', 'X')).toMatchObject({ status: 400, body: { errors: [['This value is not valid.: owner']] } });
    expect((await createFolder(office, owner, 'Controlli')).status).toBe(500);
    const list = await kiosk.call('GET', `/folders?cf=${VERDI}`);
    expect((list.body as { title: string }[]).map((f) => f.title)).toContain('Controlli');
    expect((await (await citizenToken(portal, VERDI)).call('GET', '/folders')).status).toBe(403);
  });
});
