/**
 * The form helper with no portal (the demo): the device's catalogue answers categories, services
 * and offices in the portal's shapes and filters; appointments, another comune and unknown choices
 * are refused with a reason; nothing is asked of a portal and nothing is kept.
 */
import { describe, expect, it } from 'vitest';
import { createFormHelper, createFormHelperCache, type FormHelperCatalogue } from '../../../electron/core/catalogue/form-helper';
import type { ServiceFile, TenantFile } from '../../../electron/core/catalogue/format';
import { silentLogger } from '../../../electron/core/log/logger';
import { openDatabase } from '../../../electron/core/store/database';

const ANAGRAFE = '0fa12071-1a08-55ff-863e-3f1b1dca7508';
const SCUOLA = '08c2385e-9223-50b3-bcb3-85a390538f4b';
const UFFICIO = '019a1958-2667-5945-a106-b81e16b9b2db';
const ALTRO_UFFICIO = 'b2aa9dfb-86a3-5af5-80f6-664681be375c';

const tenant = {
  id: '1e027d0b-8b5b-5c2b-823f-e74b5cb380f7',
  slug: 'comune-di-prova',
  name: 'Comune di Prova',
  topics: [
    { id: SCUOLA, slug: 'educazione-e-formazione', name: 'Educazione e formazione' },
    { id: ANAGRAFE, slug: 'anagrafe-e-stato-civile', name: 'Anagrafe e stato civile' },
  ],
  audiences: [],
  offices: [
    { id: UFFICIO, name: 'Ufficio Anagrafe', hours: 'Lun-Ven 9-12' },
    { id: ALTRO_UFFICIO, name: 'Ufficio Elettorale' },
  ],
} as unknown as TenantFile;

const service = (id: string, name: string, topics: string, status: number, user_group_ids: string[]) =>
  ({ id, name, slug: name.toLowerCase().replace(/\W+/g, '-'), topics, status, user_group_ids }) as unknown as ServiceFile;
const services = [
  service('5e9c0c8e-0000-4000-8000-000000000001', 'Certificato di nascita', ANAGRAFE, 1, [UFFICIO]),
  service('5e9c0c8e-0000-4000-8000-000000000002', 'Cambio di residenza', ANAGRAFE, 2, []),
  service('5e9c0c8e-0000-4000-8000-000000000003', 'Iscrizione mensa', SCUOLA, 1, [ALTRO_UFFICIO]),
  service('5e9c0c8e-0000-4000-8000-000000000004', 'Servizio in bozza', ANAGRAFE, 0, [UFFICIO]),
];
const catalogue: FormHelperCatalogue = {
  getTenant: (slug) => (slug === tenant.slug ? tenant : undefined),
  listServices: (slug) => (slug === tenant.slug ? services : []),
};

const helper = () =>
  createFormHelper({ portal: null, catalogue, cache: createFormHelperCache(openDatabase(':memory:')), clock: { now: () => new Date('2026-12-07T10:00:00Z') }, log: silentLogger });
const data = async (path: string) => {
  const answer = await helper().answer('comune-di-prova', path);
  expect(answer).toMatchObject({ source: 'catalogue', ageSeconds: 0, fetchedAt: '2026-12-07T10:00:00.000Z' });
  return answer.data as Record<string, unknown>[];
};

describe('form helper senza portale: il catalogo della postazione', () => {
  it('categories: le aree come Categoria, per nome', async () => {
    expect(await data('categories')).toEqual([
      { id: ANAGRAFE, name: 'Anagrafe e stato civile', slug: 'anagrafe-e-stato-civile', description: null, parent_id: null },
      { id: SCUOLA, name: 'Educazione e formazione', slug: 'educazione-e-formazione', description: null, parent_id: null },
    ]);
  });

  it('services: solo i pubblicati (1, 2, 4), per nome, filtrati per area o ufficio', async () => {
    expect((await data('services')).map((s) => s.name)).toEqual(['Cambio di residenza', 'Certificato di nascita', 'Iscrizione mensa']);
    const byArea = await data(`services?topics_id=${ANAGRAFE}`);
    expect(byArea.map((s) => s.name)).toEqual(['Cambio di residenza', 'Certificato di nascita']);
    expect(byArea[1]).toEqual({ id: services[0]!.id, name: 'Certificato di nascita', slug: 'certificato-di-nascita', topics: 'anagrafe-e-stato-civile', topics_id: ANAGRAFE, user_group_ids: [UFFICIO] });
    expect((await data(`services?user_group_ids=${ALTRO_UFFICIO}`)).map((s) => s.name)).toEqual(['Iscrizione mensa']);
  });

  it('user-groups: gli uffici senza calendario; service_id tiene quelli del servizio', async () => {
    expect(await data('user-groups')).toEqual([
      { id: UFFICIO, name: 'Ufficio Anagrafe', short_description: 'Lun-Ven 9-12', more_info: null, calendar_id: null },
      { id: ALTRO_UFFICIO, name: 'Ufficio Elettorale', short_description: null, more_info: null, calendar_id: null },
    ]);
    expect((await data(`user-groups?has_calendar=false&service_id=${services[0]!.id}`)).map((g) => g.id)).toEqual([UFFICIO]);
    expect(await data('user-groups?service_id=5e9c0c8e-0000-4000-8000-0000000000ff')).toEqual([]);
  });

  it('appuntamenti, un altro Comune, una scelta che il Comune non ha: rifiutati con un motivo', async () => {
    const refused = (path: string, tenantSlug = 'comune-di-prova') => helper().answer(tenantSlug, path);
    await expect(refused('user-groups?has_calendar=true')).rejects.toMatchObject({ code: 'prenotazioni-non-disponibili', message: expect.stringMatching(/appuntamenti/) });
    await expect(refused(`calendars/${UFFICIO}/availabilities?available=true`)).rejects.toMatchObject({ code: 'prenotazioni-non-disponibili' });
    await expect(refused(`calendars/${UFFICIO}/availabilities/2026-12-09?available=true`)).rejects.toMatchObject({ code: 'prenotazioni-non-disponibili' });
    await expect(refused('categories', 'comune-di-altrove')).rejects.toMatchObject({ code: 'comune-non-collegato' });
    await expect(refused('services?topics_id=c9ead24d-bfe0-4d6c-939d-01c23cf34e73')).rejects.toMatchObject({ code: 'richiesta-rifiutata-dal-portale' });
    await expect(refused('services?user_group_ids=c9ead24d-bfe0-4d6c-939d-01c23cf34e73')).rejects.toMatchObject({ code: 'richiesta-rifiutata-dal-portale' });
    await expect(refused('../categories')).rejects.toMatchObject({ code: 'richiesta-modulo-non-ammessa' });
  });

  it('senza portale e senza catalogo: portale non configurato', async () => {
    const bare = createFormHelper({ portal: null, cache: createFormHelperCache(openDatabase(':memory:')), clock: { now: () => new Date() }, log: silentLogger });
    await expect(bare.answer('comune-di-prova', 'categories')).rejects.toMatchObject({ code: 'portale-non-configurato' });
  });
});
