/**
 * The portal's answers, parsed at the boundary: only the fields sync relies on, with bounds;
 * every other field is ignored. Shapes from the real portal's serialisers (named per schema);
 * tests/fixtures/sdc holds real-shaped samples that these schemas must parse.
 */
import { z } from 'zod';

/** `POST /api/auth` (lexik JWT): `{token}`. */
export const tokenSchema = z.object({ token: z.string().min(10).max(10_000) });

/** `POST /{tenant}/{locale}/upload` (AllegatoController::uploadAttachmentAction): 201 `{id, uri}`, `uri` a presigned PUT. */
export const uploadCreatedSchema = z.object({ id: z.string().min(1).max(100), uri: z.url() });

/** A file as the portal lists it (AbstractDto::prepareFile): no MIME type; `description` is what the file object's `fileType` said. */
const fileObjectSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(500).nullish(),
  url: z.string().max(2000).nullish(),
  originalName: z.string().max(500).nullish(),
  description: z.string().max(2000).nullish(),
});
export type PortalFile = z.output<typeof fileObjectSchema>;

/** v1 serialises `status` as a string (Model/Application.php, `@Serializer\Type("string")`). */
const statusSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** `GET /api/applications/{id}` and the create's 201 (ApplicationDto::fromEntity, v1: `data` flattened). */
export const applicationSchema = z.object({
  id: z.string().min(1).max(100),
  /** The citizen's user id (Model/Application.php `user`): whose application it is, whoever created it. */
  user: z.string().max(100).nullish(),
  service: z.string().max(300).nullish(),
  service_id: z.string().max(100).nullish(),
  service_name: z.string().max(1000).nullish(),
  status: statusSchema,
  created_at: z.string().max(40).nullish(),
  submitted_at: z.string().max(40).nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
  attachments: z.array(fileObjectSchema).max(500).nullish().transform((v) => v ?? []),
  protocol_number: z.string().max(100).nullish(),
  protocol_folder_number: z.string().max(100).nullish(),
  protocolled_at: z.string().max(40).nullish(),
  outcome: z.boolean().nullish(),
  outcome_motivation: z.string().max(20_000).nullish(),
  outcome_file: fileObjectSchema.nullish(),
  outcome_attachments: z.array(fileObjectSchema).max(50).nullish(),
  /** The meetings booked from this application (Pratica::$meetings, their ids: ApplicationDto 463-468). */
  meetings: z.array(z.string().max(100)).max(50).nullish(),
  /** ApplicationDto::preparePaymentData: `[]` for an application without a payment, the gateway's data otherwise. */
  payment_data: z.union([z.array(z.unknown()).max(1000), z.record(z.string(), z.unknown())]).nullish(),
});
export type Application = z.output<typeof applicationSchema>;

/** `GET /api/applications` (ApplicationsAPIController::getApplicationsAction): `{meta:{count, parameter}, links, data}`. */
export const applicationPageSchema = z.object({
  meta: z.object({ count: z.number().int().nonnegative() }),
  links: z.object({ next: z.string().max(4000).nullish() }).nullish(),
  data: z.array(applicationSchema).max(100),
});

/** `GET /api/applications/{id}/history`: Model/Transition.php, `{status_code, status_name, message, message_id, date}`. */
export const historySchema = z
  .array(
    z.object({
      status_code: statusSchema,
      status_name: z.string().max(200).nullish(),
      message: z.string().max(20_000).nullish(),
      message_id: z.string().max(200).nullish(),
      date: z.string().min(1).max(40),
    }),
  )
  .max(1000);

/**
 * A message of an application (src/Dto/Message.php::fromEntity): `author` the user's id, null for the
 * portal's own status messages; `message` HTML (StringUtils::cleanMarkup keeps a few tags); attachments
 * as Model/File, snake_case, without a MIME type. `visibility` is `applicant` for every message the list shows.
 */
const messageFileSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(500).nullish(),
  original_name: z.string().max(500).nullish(),
  description: z.string().max(2000).nullish(),
});
export const messageSchema = z.object({
  id: z.string().min(1).max(100),
  message: z.string().max(200_000),
  subject: z.string().max(2000).nullish(),
  author: z.string().max(100).nullish(),
  visibility: z.string().max(40).nullish(),
  created_at: z.string().min(1).max(40),
  read_at: z.string().max(40).nullish(),
  attachments: z.array(messageFileSchema).max(100).nullish().transform((v) => v ?? []),
});
export type PortalMessage = z.output<typeof messageSchema>;
/** `GET /api/applications/{id}/messages` (MessagesAPIController::messagesAction, v1): a plain array, oldest first. */
export const messageListSchema = z.array(messageSchema).max(5000);

/** A link of the payment stack: `{url, method, last_opened_at}`, the url null until it exists (the receipt). */
const paymentLinkSchema = z.object({ url: z.string().max(4000).nullish() }).nullish();

/**
 * `GET /api/payments?remote_id=<application>` (PaymentsAPIController::getPaymentsAction,
 * PaymentService::getPayments): the only answer with the codice avviso (`payment.notice_code`), the IUV
 * and the amount; the stack's statuses (PAYMENT_PENDING, COMPLETE, PAYMENT_FAILED, EXPIRED...).
 */
export const paymentRecordsSchema = z
  .array(
    z.object({
      id: z.string().min(1).max(100),
      status: z.string().max(40),
      reason: z.string().max(2000).nullish(),
      payment: z
        .object({
          amount: z.number().nonnegative().nullish(),
          notice_code: z.string().max(40).nullish(),
          iuv: z.string().max(40).nullish(),
          expire_at: z.string().max(40).nullish(),
          paid_at: z.string().max(40).nullish(),
        })
        .nullish(),
      links: z.object({ online_payment_begin: paymentLinkSchema, offline_payment: paymentLinkSchema, receipt: paymentLinkSchema }).nullish(),
    }),
  )
  .max(100);
export type PortalPayment = z.output<typeof paymentRecordsSchema>[number];

/** An id, or the whole entity where JMS wrote the field over the virtual id (Meeting's `calendar`, `opening_hour`). */
const entityRef = <S extends z.ZodRawShape>(shape: S) => z.union([z.string().max(100).transform((id) => ({ id })), z.looseObject({ id: z.string().max(100), ...shape })]);

/** `GET /api/meetings/{id}` (MeetingsAPIController::getMeetingAction, Entity/Meeting.php): status 0 pending .. 6 draft. */
export const meetingSchema = z.object({
  id: z.string().min(1).max(100),
  status: z.number().int().min(0).max(6),
  from_time: z.string().min(1).max(40),
  to_time: z.string().min(1).max(40),
  calendar: entityRef({ title: z.string().max(300).nullish(), location: z.string().max(1000).nullish() }).nullish(),
  user_message: z.string().max(20_000).nullish(),
  motivation_outcome: z.string().max(20_000).nullish(),
});
export type PortalMeeting = z.output<typeof meetingSchema>;

/**
 * `GET /api/documents?cf=<codice fiscale>` (DocumentsAPIController::getDocumentsAction, Entity/Document.php):
 * the documents the comune issued to a citizen (their folders), a plain array without paging.
 */
export const documentListSchema = z
  .array(
    z.object({
      id: z.string().min(1).max(100),
      owner: z.string().max(100).nullish(),
      title: z.string().max(1000),
      description: z.string().max(20_000).nullish(),
      original_filename: z.string().max(500).nullish(),
      mime_type: z.string().max(200).nullish(),
      created_at: z.string().max(40).nullish(),
      expire_at: z.string().max(40).nullish(),
    }),
  )
  .max(2000);
export type PortalDocument = z.output<typeof documentListSchema>[number];

/**
 * `GET /api/users?cf=<codice fiscale>` (UsersAPIController::getUsersAction, Dto/User.php): the citizens
 * (role `user`, the default) whose fiscal code is that one, compared lower-cased; a plain array.
 */
export const userListSchema = z.array(z.object({ id: z.string().min(1).max(100), codice_fiscale: z.string().max(40).nullish() })).max(50);

/** `GET /api/services`: a plain array of ServiceDto; each is parsed on its own (catalogue/format.ts), so one bad service is only that. */
export const servicesSchema = z.array(z.record(z.string(), z.unknown())).max(2000);

/** `GET /api/categories` (CategoriesAPIController; Entity/Categoria): the areas. */
export const categoriesSchema = z
  .array(z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(300), slug: z.string().min(1).max(255), description: z.string().max(20_000).nullish(), parent_id: z.string().max(100).nullish() }))
  .max(500);

/** `GET /api/recipients` (RecipientsAPIController; Entity/Recipient): "Io sono...". */
export const recipientsSchema = z
  .array(z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(300), slug: z.string().max(255).nullish(), description: z.string().max(20_000).nullish() }))
  .max(500);

/** `GET /api/user-groups` (UserGroupsAPIController; Entity/UserGroup): the offices. */
export const userGroupsSchema = z
  .array(
    z.object({
      id: z.string().min(1).max(100),
      name: z.string().min(1).max(300),
      short_description: z.string().max(2000).nullish(),
      main_function: z.string().max(20_000).nullish(),
      more_info: z.string().max(20_000).nullish(),
    }),
  )
  .max(500);

/**
 * `GET /api/tenants/info` (TenantAPIController::getTenantInfoAction, Dto/Tenant.php): only the ente's
 * `meta`, its graphic aspect (Ente::$meta, JSON edited through assets/app/schemas/graphic_aspect_tenant.json),
 * whose `logo` is the URL of the coat of arms the portal's own header shows (templates/Default/header/header.html.twig).
 * JMS serialises an unset meta as null and an empty PHP array as `[]`; a logo that is not a string is no logo.
 */
export const tenantInfoSchema = z.object({
  meta: z
    .union([z.object({ logo: z.unknown().optional() }), z.array(z.unknown()), z.null()])
    .optional()
    .transform((m) => {
      const logo = m && !Array.isArray(m) ? m.logo : undefined;
      return { logo: typeof logo === 'string' && logo.trim() !== '' && logo.length <= 2000 ? logo.trim() : null };
    }),
});
export type TenantInfo = z.output<typeof tenantInfoSchema>;
