/**
 * src/Form/MeetingType.php as `$form->submit(json_decode($body, true), $clearMissing)` runs it
 * (MeetingsAPIController::processForm: clearMissing except on PATCH, so a PUT clears every field it
 * does not send). Fields, in the form's order: calendar, opening_hour (EntityType by id; an opening
 * hour of any calendar), user (a citizen's id), email, fiscal_code, name, phone_number, from_time,
 * to_time (DateTimeType single_text: DateTimeToHtml5LocalDateTimeTransformer, so "Y-m-dTH:i[:s]"
 * in Rome time or with any offset / Z), status (ChoiceType 0-5: a draft, 6, cannot be set),
 * user_message, motivation_outcome, videoconference_link (UrlType adds "http://"), draft_expiration.
 * - A value a field cannot read keeps the field's previous value and is "Questo valore non è
 *   valido." on that field; another key is "Questo form non dovrebbe contenere nessun campo extra."
 *   on the form (Symfony's Italian validator texts: framework.default_locale `it`).
 * - Errors come out as FormUtils::getErrorsFromForm builds them: "<message>: <name>", the form's
 *   own first (named app_bundle_meeting_type, MeetingType::getBlockPrefix), then one nested list
 *   per field with errors. Violations of the entity's camelCase properties (videoconferenceLink)
 *   do not match the snake_case fields and land on the form.
 * OURS, narrower than `new DateTime()`: only those date-time spellings are read.
 */
import type { OpeningHour } from './back-office';
import type { PortalContext } from './context';
import type { MeetingFields } from './meetings-model';
import { wallClock } from './wall-clock';

const FORM_NAME = 'app_bundle_meeting_type';
const NOT_VALID = 'Questo valore non è valido.';
const EXTRA_FIELDS = 'Questo form non dovrebbe contenere nessun campo extra.';

const TEXT = { email: 'email', fiscal_code: 'fiscal_code', name: 'name', phone_number: 'phone_number', user_message: 'user_message', motivation_outcome: 'motivation_outcome' } as const;
/** MeetingType's fields in their order (the three `opening_hour` adds keep the first place). */
const FIELDS = ['calendar', 'opening_hour', 'user', 'email', 'fiscal_code', 'name', 'phone_number', 'from_time', 'to_time', 'status', 'user_message', 'motivation_outcome', 'videoconference_link', 'draft_expiration'] as const;
type Field = (typeof FIELDS)[number];

/** What the form maps onto the meeting; `status` null when cleared or never given. */
export type FormFields = Omit<MeetingFields, 'status'> & { status: number | null };

export interface SubmittedMeeting {
  fields: FormFields;
  /** The opening hour object chosen by id, wherever it belongs. */
  openingHour: OpeningHour | undefined;
  /** Errors of the form itself: onSubmit's first (SUBMIT), then the validator's (POST_SUBMIT). */
  formErrors: string[];
  extraFields: boolean;
  fieldErrors: Partial<Record<Field, string[]>>;
}

const BLANK: FormFields = {
  calendar_id: '', opening_hour_id: null, user_id: null, email: null, phone_number: null, fiscal_code: null, name: null, from_time: '', to_time: '',
  user_message: null, motivation_outcome: null, videoconference_link: null, status: null, draft_expiration: null,
};

/** Form::submit on a scalar field: scalars become strings, false and '' nothing; arrays cannot be read. */
function scalar(v: unknown): string | null | typeof INVALID {
  if (v === undefined || v === null || v === false || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return v === true ? '1' : String(v);
  return INVALID;
}
const INVALID = Symbol('invalid');

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A date-time as the Rome wall clock `Y-m-dTH:i:s`, or INVALID. */
function readDateTime(raw: string): string | typeof INVALID {
  const m = LOCAL.exec(raw);
  if (!m) return INVALID;
  const [, y, mo, d, h, mi, s = '00', zone] = m;
  const naive = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  const check = new Date(`${naive}Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 19) !== naive) return INVALID;
  if (!zone) return naive;
  const offset = zone === 'Z' ? '+00:00' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return wallClock(new Date(`${naive}${offset}`)).toISOString().slice(0, 19);
}

function openingHourById(ctx: PortalContext, id: string): OpeningHour | undefined {
  for (const c of ctx.backOffice.calendars.values()) {
    const oh = c.openingHours.find((o) => o.id === id);
    if (oh) return oh;
  }
  return undefined;
}

export function submitMeetingForm(ctx: PortalContext, raw: unknown, clearMissing: boolean, current: FormFields = BLANK): SubmittedMeeting {
  const body = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const fields: FormFields = { ...current };
  const fieldErrors: SubmittedMeeting['fieldErrors'] = {};
  const formErrors: string[] = [];
  const bad = (f: Field) => (fieldErrors[f] = [...(fieldErrors[f] ?? []), NOT_VALID]);
  let openingHour = current.opening_hour_id ? openingHourById(ctx, current.opening_hour_id) : undefined;
  const extraFields = Object.keys(body).some((k) => !(FIELDS as readonly string[]).includes(k));
  for (const f of FIELDS) {
    if (!(f in body) && !clearMissing) continue;
    const v = scalar(body[f]);
    if (v === INVALID) {
      bad(f);
      continue;
    }
    if (f === 'calendar') {
      if (v === null) fields.calendar_id = '';
      else if (ctx.backOffice.calendars.has(v)) fields.calendar_id = v;
      else bad(f);
    } else if (f === 'opening_hour') {
      const oh = v === null ? undefined : openingHourById(ctx, v);
      if (v !== null && !oh) bad(f);
      else [fields.opening_hour_id, openingHour] = [oh?.id ?? null, oh];
    } else if (f === 'user') {
      const known = v !== null && ctx.db.prepare("SELECT 1 FROM users WHERE id = ? AND role = 'citizen'").get(v) !== undefined;
      if (v !== null && !known) bad(f);
      // Meeting::setUser ignores null: a meeting keeps its citizen.
      else if (v !== null) fields.user_id = v;
    } else if (f === 'from_time' || f === 'to_time' || f === 'draft_expiration') {
      const t = v === null ? null : readDateTime(v);
      if (t === INVALID) bad(f);
      else if (f === 'draft_expiration') fields.draft_expiration = t;
      else fields[f] = t ?? '';
    } else if (f === 'status') {
      if (v !== null && !/^[0-5]$/.test(v)) bad(f);
      else fields.status = v === null ? null : Number(v);
    } else if (f === 'videoconference_link') {
      fields.videoconference_link = v === null ? null : /^[\w+.-]+:/.test(v) ? v : `http://${v}`;
    } else {
      fields[TEXT[f]] = v;
    }
  }
  return { fields, openingHour, formErrors, extraFields, fieldErrors };
}

/** The entity's constraints checked after onSubmit (Meeting.php: status NotBlank + NotNull, videoconferenceLink Url). */
export function constraintErrors(s: SubmittedMeeting): void {
  // ViolationMapper drops a violation aimed at a field that could not read its value.
  if (s.fields.status === null && !s.fieldErrors.status) s.fieldErrors.status = [...(s.fieldErrors.status ?? []), "Seleziona un'opzione. Lo stato è un parametro obbligatorio", 'Questo valore non dovrebbe essere nullo.'];
  const link = s.fields.videoconference_link;
  if (link !== null && !/^https?:\/\/[^\s/?#]+\.[^\s]*$|^https?:\/\/localhost/i.test(link)) s.formErrors.push('url non valido (videoconferenceLink)');
  // FormValidator: the data's constraints first, then the extra fields.
  if (s.extraFields) s.formErrors.push(EXTRA_FIELDS);
}

/** FormUtils::getErrorsFromForm. */
export function formUtilsErrors(s: SubmittedMeeting): unknown[] {
  const errors: unknown[] = s.formErrors.map((e) => `${e}: ${FORM_NAME}`);
  for (const f of FIELDS) {
    const list = s.fieldErrors[f];
    if (list?.length) errors.push(list.map((e) => `${e}: ${f}`));
  }
  return errors;
}
