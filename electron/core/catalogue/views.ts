/** From the stored portal documents to what the contract shows. */
import type { ServiceDetail, ServiceSummary, TenantView } from '../../shared/contract/catalogue';
import { formatiAmmessi } from '../documents/allegati/tipi-file';
import type { ServiceFile, TenantFile } from './format';

const PAYMENT_MODES = ['nessuno', 'immediato', 'differito'] as const;

export function serviceSummary(s: ServiceFile, tenant: TenantFile): ServiceSummary {
  const topic = tenant.topics.find((t) => t.id === s.topics);
  return {
    slug: s.slug,
    name: s.name,
    shortDescription: s.short_description,
    topic: topic ? { slug: topic.slug, name: topic.name } : null,
    paymentRequired: s.payment_required !== 0,
    accessLevel: s.access_level ?? 0,
  };
}

export function serviceDetail(s: ServiceFile, tenant: TenantFile, similar: ServiceFile[]): ServiceDetail {
  return {
    ...serviceSummary(s, tenant),
    id: s.id,
    status: s.status,
    texts: {
      description: s.description,
      howto: s.howto,
      howToDo: s.how_to_do,
      whatYouNeed: s.what_you_need,
      whatYouGet: s.what_you_get,
      costs: s.costs,
      who: s.who,
      conditions: s.conditions,
      compilationInfo: s.compilation_info,
      finalIndications: s.final_indications,
    },
    maxResponseTimeDays: s.max_response_time ?? null,
    payment: {
      mode: PAYMENT_MODES[s.payment_required],
      amount: s.payment_parameters?.total_amounts ?? null,
      reason: s.payment_parameters?.reason ?? null,
    },
    flowSteps: s.flow_steps.map((f) => ({
      identifier: f.identifier,
      title: f.title,
      description: f.description,
      guide: f.guide,
      formId: f.parameters.formio_id ?? null,
    })),
    attachments: s.x_sportello_attachments.map(({ requiredWhen, ...a }) => ({ ...a, requiredWhen: requiredWhen?.text ?? null, formati: formatiAmmessi(a.mimeTypes) })),
    multipleDrafts: s.x_sportello_multiple_drafts,
    similar: similar.map((x) => serviceSummary(x, tenant)),
    faq: tenant.faq.filter((f) => f.serviceSlug === s.slug).map((f) => ({ question: f.question, answer: f.answer })),
    scadenze: tenant.scadenze.filter((d) => d.serviceSlug === s.slug).map((d) => ({ title: d.title, date: d.date })),
  };
}

export function tenantView(t: TenantFile, published: ServiceFile[]): TenantView {
  return {
    slug: t.slug,
    name: t.name,
    address: t.address ?? null,
    topics: t.topics.map((x) => ({ slug: x.slug, name: x.name, services: published.filter((s) => s.topics === x.id).length })),
    audiences: t.audiences.map((a) => ({ slug: a.slug, name: a.name })),
    avvisi: t.avvisi.map((a) => ({ title: a.title, text: a.text, date: a.date })),
    scadenze: t.scadenze.map((d) => ({ title: d.title, date: d.date, serviceSlug: d.serviceSlug ?? null })),
    faq: t.faq.map((f) => ({ question: f.question, answer: f.answer, serviceSlug: f.serviceSlug ?? null })),
    offices: t.offices.map((o) => ({ name: o.name, address: o.address ?? null, hours: o.hours ?? null })),
    termsVersion: t.termsOfUse?.version ?? null,
  };
}
