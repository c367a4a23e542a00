/**
 * A service as the real API serialises it (src/Dto/ServiceDto.php, `fromEntity`): `topics` is the
 * category's slug and `topics_id` its id; `payment_parameters` is always `[]`; every flow step's
 * `parameters.url` is `<FORMSERVER_PUBLIC_URL>/form/` (prepareFlowSteps); recipients by name and
 * id; `user_group_ids` the ids of the offices handling it (`$servizio->getUserGroups()`, from
 * back-office.ts). Our own extensions (`x_sportello_*`) do not exist there and are not served.
 */
import type { BackOffice } from './back-office';
import type { Catalogue, CatalogueService } from './catalogue-dir';

/** Every field ServiceDto::fromEntity sets, with what an unset one serialises as (serialize_null: true). */
const DEFAULTS: Record<string, unknown> = {
  identifier: null, name: '', slug: '', tenant: null, topics: null, topics_id: null, short_description: '', description: '', howto: null,
  how_to_do: null, who: '', special_cases: '', more_info: '', constraints: null, times_and_deadlines: null, booking_call_to_action: null,
  conditions: null, conditions_attachments: [], coverage: [], compilation_info: '', final_indications: '', flow_steps: [], protocol_required: false,
  protocollo_parameters: [], payment_required: 0, protocol_handler: null, payment_parameters: [], integrations: [], sticky: false, status: 0,
  access_level: 0, login_suggested: false, scheduled_from: null, scheduled_to: null, service_group_id: null, service_group: null,
  shared_with_group: false, user_group_ids: [], allow_reopening: false, allow_withdraw: false, allow_integration_request: false, workflow: 0,
  max_response_time: null, what_you_need: null, what_you_get: null, costs: null, source: null, costs_attachments: [], recipients: [],
  recipients_id: [], geographic_areas: [], geographic_areas_id: [], life_events: [], business_events: [], external_card_url: null,
  feedback_messages: {}, app_version: '2.13.0', created_at: null, updated_at: null, satisfy_entrypoint_id: null,
};

export function serviceDto(catalogue: Catalogue, backOffice: BackOffice, s: CatalogueService, formServerUrl: string): Record<string, unknown> {
  const own = Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('x_sportello_') && k in DEFAULTS));
  const topic = catalogue.tenant.topics.find((t) => t.id === s.topics || t.slug === s.topics);
  const audiences = catalogue.tenant.audiences.filter((a) => a.serviceSlugs.includes(s.slug));
  const text = (k: string) => (typeof own[k] === 'string' ? own[k] : DEFAULTS[k]);
  return {
    id: s.id,
    ...DEFAULTS,
    ...own,
    tenant: catalogue.tenant.id,
    topics: topic?.slug ?? null,
    topics_id: topic?.id ?? null,
    short_description: text('short_description'),
    description: text('description'),
    who: text('who'),
    compilation_info: text('compilation_info'),
    final_indications: text('final_indications'),
    // ServiceDto sets `howto` from how_to_do (setHowto($servizio->getHowToDo())).
    howto: own.how_to_do ?? own.howto ?? null,
    payment_parameters: [],
    protocollo_parameters: [],
    recipients: audiences.map((a) => a.name),
    recipients_id: audiences.map((a) => a.id),
    user_group_ids: backOffice.groupsOfService(s.id),
    flow_steps: s.flow_steps.map((st) => ({ ...st, parameters: { ...st.parameters, url: `${formServerUrl}/form/` } })),
  };
}
