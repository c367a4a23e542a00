/**
 * The client's schemas against real-shaped answers of the Stanza del Cittadino (tests/fixtures/sdc,
 * each written from the real serialiser it names): every file parses, the real quirks come out as
 * the app needs them, and every error shape yields a message.
 */
import { describe, expect, it } from 'vitest';
import { serviceFileSchema } from '../../../electron/core/catalogue/format';
import { parseFormDocument } from '../../../electron/core/catalogue/forms/form-json';
import { fileComponents } from '../../../electron/core/catalogue/forms/file-components';
import { portalMessageOf } from '../../../electron/adapters/portal/portal-failure';
import {
  applicationPageSchema,
  applicationSchema,
  categoriesSchema,
  historySchema,
  recipientsSchema,
  servicesSchema,
  tenantInfoSchema,
  tokenSchema,
  uploadCreatedSchema,
  userGroupsSchema,
} from '../../../electron/core/sync/portal-schemas';
import { sdcFixture, sdcFixtureNames } from '../../fixtures/sdc/load';

describe('real-shaped SDC payloads', () => {
  it('every fixture names the real source it follows and its status', () => {
    const names = sdcFixtureNames();
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const name of names) {
      const f = sdcFixture(name);
      expect(f.source, name).toMatch(/src\/|config\/|lexik|assets\/|FORMSERVER/);
      expect(f.status, name).toBeGreaterThanOrEqual(200);
    }
  });

  it('services: every one parses, payment_parameters [] is no payment data, topics is the id, texts are plain', () => {
    const list = servicesSchema.parse(sdcFixture('services').body);
    const parsed = list.map((s) => serviceFileSchema.parse(s));
    const [template, long] = parsed;
    expect(template!.payment_parameters).toBeNull();
    expect(template!.topics).toBe('0f1e2d3c-4b5a-4968-8776-655443322110');
    expect(template!.flow_steps[0]!.title).toBe('');
    expect(template!.flow_steps[0]!.parameters.url).toBe('https://form.opencontent.example.it/form/');
    expect(template!.description).toBe("Con questo servizio puoi segnalare al Comune un problema:\n\n• buche nella strada\n• illuminazione pubblica guasta");
    expect(template!.short_description).toBe('Segnala un disservizio sul territorio comunale.');
    for (const s of parsed) for (const text of [s.description, s.howto, s.who, s.final_indications]) expect(text).not.toMatch(/[<>]|alert/);
    expect(long!.slug.length).toBeGreaterThan(100);
    expect(long!.status).toBe(4);
    expect(long!.flow_steps.map((st) => st.title)).toEqual(['Dati del richiedente', '']);
    expect(long!.recipients_id).toEqual(['1a2b3c4d-5e6f-4711-8899-aabbccddeeff']);
  });

  it('tenants/info: meta.logo is the coat of arms\' URL; meta null, [] or a logo that is no string is none', () => {
    expect(tenantInfoSchema.parse(sdcFixture('tenant-info-logo').body).meta.logo).toBe('https://www.comune.esempio.it/themes/comune/images/stemma.png');
    expect(tenantInfoSchema.parse(sdcFixture('tenant-info').body).meta.logo).toBeNull();
    for (const meta of [[], { logo: 5 }, { logo: '  ' }, { theme: 'default' }]) expect(tenantInfoSchema.parse({ ...(sdcFixture('tenant-info').body as object), meta }).meta.logo, JSON.stringify(meta)).toBeNull();
  });

  it('form: a Form.io form whose sdcfile is a file component', () => {
    const form = parseFormDocument(sdcFixture('form').body, '60a7c1e2f3d4b5a6c7d8e9f0');
    expect(fileComponents(form).map((c) => c.path)).toEqual(['images']);
  });

  it('application, list page and history parse; v1 status is a string, history is by status_code', () => {
    const app = applicationSchema.parse(sdcFixture('application').body);
    expect(app.status).toBe(2000);
    expect(app.attachments.map((a) => a.id)).toEqual(['0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f']);
    expect(app.data?.sportello_client_reference).toBe('5c3d2e1f-0a9b-4c8d-9e7f-6a5b4c3d2e1f');
    const page = applicationPageSchema.parse(sdcFixture('applications-page').body);
    expect(page.meta.count).toBe(12);
    const history = historySchema.parse(sdcFixture('history').body);
    expect(history.map((h) => h.status_code)).toEqual([1900, 2000, 4000, 50000]);
  });

  it('message and integration: the real quirks are in the fixtures (no MIME type, message-id urls, camelCase originalName)', () => {
    const message = sdcFixture('message').body as { id: string; application: string; attachments: { mime_type: unknown; url: string; original_name: string }[] };
    expect(message.attachments[0]!.mime_type).toBeNull();
    expect(message.attachments[0]!.url).toContain(`/applications/${message.id}/messages/${message.id}/`);
    const app = applicationSchema.parse(sdcFixture('application-integration').body);
    expect(app.status).toBe(4200);
    const body = sdcFixture('application-integration').body as { integrations: { outbound: Record<string, unknown>; inbound: unknown }[] };
    expect(Object.keys(body.integrations[0]!.outbound)).toContain('originalName');
    expect(body.integrations[0]!.inbound).toBeNull();
  });

  it('payments: the application at 1500 parses with its payment data; the notice code is only in /payments', () => {
    const app = applicationSchema.parse(sdcFixture('application-payment-pending').body);
    expect(app.status).toBe(1500);
    const body = sdcFixture('application-payment-pending').body as { payment_type: string; payment_data: { amount: unknown; notify: { url: string } } };
    expect(body.payment_type).toBe('efil');
    expect(typeof body.payment_data.amount).toBe('string');
    expect(body.payment_data.notify.url).toMatch(/\/api\/applications\/[^/]+\/payment$/);
    expect(sdcFixture('application-payment').body).not.toHaveProperty('notice_code');
    const [payment] = sdcFixture('payments').body as { payment: { notice_code: string; iuv: string } }[];
    expect(payment!.payment.notice_code).toMatch(/^\d{18}$/);
    expect(payment!.payment.iuv).toBe(payment!.payment.notice_code.slice(1));
    expect(portalMessageOf(sdcFixture('error-payment-state').body)).toContain("Application isn't in correct state");
  });

  it('upload replies, token, tenant lists parse', () => {
    expect(uploadCreatedSchema.parse(sdcFixture('upload-created').body).uri).toMatch(/X-Amz-Signature/);
    expect(sdcFixture('upload-finalised')).toMatchObject({ status: 204, body: null });
    expect(tokenSchema.parse(sdcFixture('token').body).token).toMatch(/^eyJ/);
    expect(categoriesSchema.parse(sdcFixture('categories').body)).toHaveLength(2);
    expect(recipientsSchema.parse(sdcFixture('recipients').body)).toHaveLength(2);
    expect(userGroupsSchema.parse(sdcFixture('user-groups').body)).toHaveLength(1);
  });

  it.each([
    ['error-service-not-found', 'Service not found'],
    ['error-limit', 'Limit parameter is too high'],
    ['error-date', 'Parameter createdAt must be in on of these formats'],
    ['error-forbidden-nothing-yet', 'You are not allowed to view applications'],
    ['error-validation', 'There was a validation error: service: This value should not be blank.'],
    ['error-save', 'There was an error during save process: Contact technical support'],
    ['error-jwt', 'Expired JWT Token'],
    ['error-transition', 'There was an error during transition process: Application is not in the correct state'],
    ['upload-error', 'Whoops, looks like something went wrong'],
  ])('error %s gives the portal\'s message', (name, message) => {
    expect(portalMessageOf(sdcFixture(name).body)).toContain(message);
  });
});
