/**
 * src/Form/Rest/MessageFormType.php as the raw JSON body (`processForm`, MessagesAPIController
 * 631-644) submits it onto a src/Dto/Message.php: unknown keys ignored (`allow_extra_fields`),
 * fields `message`, `visibility`, `sent_at`, `read_at`, `clicked_at`, `protocolled_at` (DateTimeType
 * single_text), `attachments` ([{name, mime_type, file}]), `protocol_required`, `protocol_number`.
 * No `subject`, no `email`. Symfony's submit turns `false` into null and other scalars into strings;
 * a field is written only when its value changed, a DateTime only when one was given (toEntity).
 * Errors come out as FormUtils::getErrorsFromForm builds them: root errors "<text>: message_form",
 * each field's errors as a nested array.
 */
import { attachmentError, type Base64File } from './files';

type DateField = 'sent_at' | 'read_at' | 'clicked_at' | 'protocolled_at';
const DATE_FIELDS: readonly DateField[] = ['sent_at', 'read_at', 'clicked_at', 'protocolled_at'];

export interface MessageForm {
  /** undefined: not submitted (PATCH) or left as it was. */
  message?: string | null;
  visibility?: string | null;
  protocolRequired?: true | null;
  protocolNumber?: string | null;
  dates: Partial<Record<DateField, number>>;
  attachments: Base64File[];
}

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Form::submit's view of a JSON scalar: false -> null, numbers and true -> strings. */
function scalar(v: unknown): string | null | undefined {
  if (v === undefined) return undefined;
  if (v === null || v === false || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || v === true) return v === true ? '1' : String(v);
  return undefined;
}

/**
 * The submitted body on a message DTO. `existing` is the number of attachments the DTO already
 * holds (PATCH): those entries carry an id and skip the checks. Returns the form or its errors.
 */
export function submitMessageForm(raw: unknown, clearMissing: boolean, existing = 0): { form: MessageForm } | { errors: unknown[] } {
  const body = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const childErrors: unknown[] = [];
  const has = (k: string) => clearMissing || k in body;
  const form: MessageForm = { dates: {}, attachments: [] };
  if (has('message')) {
    const m = scalar(body.message);
    if (m === undefined && body.message !== undefined) childErrors.push(['This value is not valid.: message']);
    form.message = m ?? null;
  }
  if (has('visibility')) form.visibility = scalar(body.visibility) ?? null;
  if (has('protocol_number')) form.protocolNumber = scalar(body.protocol_number) ?? null;
  if (has('protocol_required')) form.protocolRequired = scalar(body.protocol_required) ? true : null;
  for (const k of DATE_FIELDS) {
    const v = body[k];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(v))) childErrors.push([`This value is not valid.: ${k}`]);
    else form.dates[k] = Math.floor(Date.parse(v) / 1000);
  }
  const files = Array.isArray(body.attachments) ? body.attachments : [];
  const rootError = attachmentError(files.slice(existing));
  form.attachments = files.slice(existing) as Base64File[];
  // The DTO's NotBlank + NotNull on `message`, both on a null.
  if (form.message === null) childErrors.unshift(['Message is mandatory: message', 'Message is mandatory: message']);
  const errors = [...(rootError ? [`${rootError}: message_form`] : []), ...childErrors];
  return errors.length > 0 ? { errors } : { form };
}
