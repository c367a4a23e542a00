/**
 * Before the card anyone may read the catalogue (the comune's public data: a kiosk shows it to
 * whoever walks up), and nothing else: every call about a citizen's pratiche, profile or
 * attachments is refused until the PIN is verified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness';
import { errorOf, valueOf } from '../../support/sportello';

const TENANT = 'comune-alfa';
const SERVICE = 'iscrizione-mensa-scolastica';
const ID = '00000000-0000-4000-8000-000000000000';

describe('without a card session', () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness();
    h.as(null);
  });
  afterAll(() => h.close());

  it('the catalogue is read: the comune, its services, a search and a service sheet', async () => {
    expect((await valueOf(h.api.catalogue.tenants({}))).map((x) => x.slug)).toContain(TENANT);
    expect((await valueOf(h.api.catalogue.tenant({ tenant: TENANT }))).slug).toBe(TENANT);
    expect((await valueOf(h.api.catalogue.list({ tenant: TENANT }))).map((s) => s.slug)).toContain(SERVICE);
    expect((await valueOf(h.api.catalogue.search({ tenant: TENANT, query: 'mensa' }))).map((s) => s.slug)).toContain(SERVICE);
    expect((await valueOf(h.api.catalogue.get({ tenant: TENANT, service: SERVICE }))).slug).toBe(SERVICE);
  });

  it.each([
    ['pratiche.start', { tenant: TENANT, service: SERVICE }],
    ['pratiche.list', {}],
    ['pratiche.get', { id: ID }],
    ['pratiche.attachments.library', {}],
    ['pratiche.profile', {}],
    ['pratiche.terms', { tenant: TENANT }],
  ] as const)('%s is refused: the card first', async (call, input) => {
    const reply = await h.sendUnchecked(call, input);
    expect(reply.ok ? null : reply.error.code).toBe('carta-assente');
  });

  it('an input the contract refuses is refused the same before the card', async () => {
    expect((await errorOf(h.sendUnchecked('catalogue.get', { tenant: TENANT, service: '../servizi' }))).code).toBe('input-non-valido');
  });
});
