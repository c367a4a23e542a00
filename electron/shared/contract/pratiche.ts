/**
 * Calls about pratiche: the wizard, drafts, attachments, completeness, submission,
 * "Le mie pratiche", terms of use and the citizen's profile. The citizen is the one of
 * the current card session: no call takes a codice fiscale from the renderer.
 */
import { z } from 'zod';
import { call } from './define';
import { attachmentSpecViewSchema, serviceSlugSchema, tenantSlugSchema } from './catalogue';

const praticaId = z.uuid();
const stepId = z.string().min(1).max(200);
const short = (max: number) => z.string().max(max);
/** Attachments cross the boundary as base64: 20 MB of content at most (services ask for less). */
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const base64 = z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'contenuto non in base64');

export const gruppoSchema = z.enum(['bozza', 'inviate', 'in-elaborazione', 'accettate', 'rifiutate', 'da-integrare', 'ritirate']);

/** Where a pagoPA payment the comune asked for is, in the citizen's words (pratiche/portale-view.ts). */
export const statoPagamentoSchema = z.enum(['da-pagare', 'in-corso', 'pagato', 'non-riuscito', 'scaduto']);

/** What the signature of an outcome file says (sync/outcome-verdict.ts): each signer's verdict, or why none could be judged. */
export const verdettoFirmaSchema = z.object({
  valida: z.boolean(),
  errore: z.string().nullable(),
  firmatari: z.array(z.object({ nome: z.string(), codiceFiscale: z.string().nullable(), firmatoIl: z.string().nullable(), esito: z.string(), messaggio: z.string() })),
  verificatoIl: z.string(),
});
export type VerdettoFirma = z.infer<typeof verdettoFirmaSchema>;

/** A field's problem: `label` is the field's own label, for a message that names it ("Luogo di nascita: Campo obbligatorio."). */
const fieldErrorSchema = z.object({ path: z.string(), rule: z.string(), label: z.string().max(300).optional(), message: z.string() });

const allegatoSchema = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  pdfa: z.string().nullable(),
  createdAt: z.string(),
});

/** What the citizen may change of their profile: how the comune reaches them. */
const contattiSchema = z.object({
  email: z.email().max(200).nullable(),
  phone: z.string().regex(/^\+?[0-9 ]{6,20}$/, 'numero di telefono non valido').nullable(),
  address: z.string().min(3).max(300).nullable(),
});
export type Contatti = z.infer<typeof contattiSchema>;

/**
 * The citizen (core's `Cittadino`: the card's fields) and the contatti they may change: the
 * profile screen and a pratica's Richiedente show the same.
 */
export const profileSchema = contattiSchema.extend({
  codiceFiscale: z.string(),
  nome: z.string(),
  cognome: z.string(),
  dataNascita: z.string().nullable(),
});
export type ProfileView = z.infer<typeof profileSchema>;

/**
 * The slot chosen in a booking form, until the portal's own appointment takes its place: on its way
 * or waiting for the portal (`da-confermare`), or not booked because it was taken meanwhile
 * (`non-disponibile`: the citizen chooses another time).
 */
const prenotazioneSchema = z.object({ dal: z.string(), al: z.string(), calendarId: z.string(), stato: z.enum(['da-confermare', 'non-disponibile']) });

export const praticaViewSchema = z.object({
  id: z.string(),
  tenant: z.string(),
  service: z.object({ slug: z.string(), name: z.string(), multipleDrafts: z.boolean() }),
  status: z.number().int(),
  statusLabel: z.string(),
  group: gruppoSchema,
  steps: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['istruzioni', 'richiedente', 'modulo', 'allegati', 'pagamento', 'riepilogo']),
      title: z.string(),
      guide: z.string(),
      formId: z.string().nullable(),
      panelKey: z.string().nullable(),
    }),
  ),
  currentStepId: z.string(),
  instructionsAccepted: z.boolean(),
  paymentAcknowledged: z.boolean(),
  data: z.record(z.string(), z.unknown()),
  note: z.string(),
  description: z.string(),
  richiedente: profileSchema,
  attachmentSlots: z.array(
    // `required`: whether the pratica needs a file here now, for the data given so far (core's rule, the one Avanti
    // and the submission check); `requiredWhen` says the case in the citizen's words.
    attachmentSpecViewSchema.extend({ files: z.array(allegatoSchema) }),
  ),
  history: z.array(z.object({ status: z.number().int(), label: z.string(), at: z.string(), message: z.string().nullable() })),
  openedBy: z.string().nullable(),
  /** When the comune changed this draft's service (the UI tells the citizen); null once seen. */
  catalogueChangedAt: z.string().nullable(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  prenotazione: prenotazioneSchema.nullable(),
  /** What the portal recorded once the pratica was sent: protocol number, outcome and its files. */
  portale: z
    .object({
      protocolNumber: z.string().nullable(),
      protocolledAt: z.string().nullable(),
      outcome: z.boolean().nullable(),
      outcomeMotivation: z.string().nullable(),
      outcomeFiles: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          mimeType: z.string(),
          size: z.number().int(),
          /** A signed file's verdict when it arrived (the trusted CAs shipped or configured); null for a file that is not signed. */
          firma: verdettoFirmaSchema.nullable(),
        }),
      ),
      /** The appointments booked from the pratica (a booking service's), as the portal's calendars hold them. */
      appuntamenti: z.array(
        z.object({
          id: z.string(),
          dal: z.string(),
          al: z.string(),
          ufficio: z.string().nullable(),
          luogo: z.string().nullable(),
          stato: z.enum(['in-attesa', 'confermato', 'rifiutato', 'mancato', 'svolto', 'annullato', 'bozza']),
          /** The citizen asked to cancel it: on its way to the portal, or refused by it. */
          annullamento: z.enum(['in-corso', 'non-riuscito']).nullable(),
          annullabile: z.boolean(),
          /** The calendar to look for another slot in (`moduli.helper` `calendars/<id>/availabilities`); null when it can be moved no more. */
          spostabileIn: z.string().nullable(),
          /** The citizen asked to move it: on its way, or refused (the slot was taken meanwhile). */
          spostamento: z.enum(['in-corso', 'non-riuscito']).nullable(),
        }),
      ),
      /** The pagoPA payment the comune asks for (after accepting, for a service that wants it), as the portal's payment stack says. */
      pagamento: z
        .object({
          stato: statoPagamentoSchema,
          importoCentesimi: z.number().int().nullable(),
          causale: z.string().nullable(),
          codiceAvviso: z.string().nullable(),
          scadenza: z.string().nullable(),
          pagatoIl: z.string().nullable(),
          /** Where to pay online (at home; a kiosk prints the notice instead). */
          linkOnline: z.string().nullable(),
        })
        .nullable(),
    })
    .nullable(),
});
export type PraticaView = z.infer<typeof praticaViewSchema>;

export const praticaSummarySchema = z.object({
  id: z.string(),
  tenant: z.string(),
  serviceSlug: z.string(),
  serviceName: z.string(),
  status: z.number().int(),
  statusLabel: z.string(),
  group: gruppoSchema,
  description: z.string(),
  openedBy: z.string().nullable(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  /** The comune's messages the citizen has not opened yet. */
  messaggiNonLetti: z.number().int().nonnegative(),
  /** The portal's protocol number, once the comune registered it. */
  protocolNumber: z.string().nullable(),
  /** When the next appointment booked from it starts (pending or confirmed, still to come). */
  prossimoAppuntamento: z.string().nullable(),
  /** The slot chosen in its booking form while the portal has not confirmed it, or found it taken. */
  prenotazione: prenotazioneSchema.pick({ dal: true, stato: true }).nullable(),
});
export type PraticaSummary = z.infer<typeof praticaSummarySchema>;

export const completenessSchema = z.object({
  complete: z.boolean(),
  missing: z.array(z.object({ stepId: z.string(), stepTitle: z.string(), path: z.string().nullable(), message: z.string() })),
});
export type Completeness = z.infer<typeof completenessSchema>;

/**
 * The answer to attaching a file (new or from "I miei allegati"): the file is checked,
 * stored and linked in one call. A refused file is an error whose code is one of
 * `codiciAllegato` (errori.ts); an accepted one may come with remarks for the
 * citizen, such as a PDF that does not declare PDF/A where the comune does not require it.
 */
const allegatoAggiuntoSchema = z.object({ pratica: praticaViewSchema, allegato: allegatoSchema, avvisi: z.array(z.string()) });

const moveResult = z.object({ moved: z.boolean(), errors: z.array(fieldErrorSchema), pratica: praticaViewSchema });
const byId = z.object({ id: praticaId }).strict();

export const praticheCalls = {
  'pratiche.start': call(
    z.object({ tenant: tenantSlugSchema, service: serviceSlugSchema, newDraft: z.boolean().default(false) }).strict(),
    z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('creata'), pratica: praticaViewSchema }),
      z.object({ outcome: z.literal('bozza-esistente'), drafts: z.array(praticaSummarySchema), canCreateAnother: z.boolean() }),
    ]),
  ),
  'pratiche.get': call(byId, praticaViewSchema),
  'pratiche.saveStep': call(
    z.object({ id: praticaId, stepId, values: z.record(z.string().max(200), z.unknown()).refine((v) => Object.keys(v).length <= 500, 'troppi campi') }).strict(),
    z.object({ revision: z.number().int(), savedAt: z.string() }),
  ),
  'pratiche.acceptInstructions': call(z.object({ id: praticaId, accepted: z.boolean() }).strict(), praticaViewSchema),
  'pratiche.acknowledgePayment': call(z.object({ id: praticaId, acknowledged: z.boolean() }).strict(), praticaViewSchema),
  'pratiche.next': call(byId, moveResult),
  'pratiche.back': call(byId, moveResult),
  'pratiche.restart': call(byId, moveResult),
  /** Back to an earlier step (the review's "Modifica"); a later or unknown step leaves the pratica where it is. */
  'pratiche.backTo': call(z.object({ id: praticaId, stepId }).strict(), moveResult),
  'pratiche.catalogueNoticeSeen': call(byId, praticaViewSchema),
  'pratiche.note': call(z.object({ id: praticaId, note: short(2000).optional(), description: short(500).optional() }).strict(), praticaViewSchema),
  'pratiche.attachments.add': call(
    z.object({ id: praticaId, slot: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/), name: z.string().min(1).max(500), contentBase64: base64 }).strict(),
    allegatoAggiuntoSchema,
  ),
  'pratiche.attachments.remove': call(z.object({ id: praticaId, slot: z.string().max(60), allegatoId: z.uuid() }).strict(), praticaViewSchema),
  'pratiche.attachments.reuse': call(z.object({ id: praticaId, slot: z.string().max(60), allegatoId: z.uuid() }).strict(), allegatoAggiuntoSchema),
  'pratiche.attachments.library': call(z.object({}).strict(), z.array(allegatoSchema)),
  'pratiche.completeness': call(byId, completenessSchema),
  'pratiche.submit': call(byId, praticaViewSchema),
  'pratiche.list': call(
    z.object({ group: gruppoSchema.or(z.literal('per-mio-conto')).optional() }).strict(),
    z.object({
      counts: z.object({
        bozza: z.number().int(),
        inviate: z.number().int(),
        'in-elaborazione': z.number().int(),
        accettate: z.number().int(),
        rifiutate: z.number().int(),
        'da-integrare': z.number().int(),
        ritirate: z.number().int(),
        'per-mio-conto': z.number().int(),
      }),
      pratiche: z.array(praticaSummarySchema),
    }),
  ),
  'pratiche.terms': call(
    z.object({ tenant: tenantSlugSchema }).strict(),
    z.object({ version: z.string().nullable(), text: z.string(), acceptedAt: z.string().nullable(), mustAccept: z.boolean() }),
  ),
  'pratiche.acceptTerms': call(z.object({ tenant: tenantSlugSchema, version: z.string().min(1).max(40) }).strict(), z.object({ acceptedAt: z.string() })),
  'pratiche.profile': call(z.object({}).strict(), profileSchema),
  'pratiche.updateProfile': call(contattiSchema.strict(), profileSchema),
  /** Cancels an appointment booked from the pratica (queued for the portal; its slot is freed there). */
  'pratiche.appuntamenti.annulla': call(z.object({ id: praticaId, appuntamentoId: z.string().min(1).max(100) }).strict(), praticaViewSchema),
  /** Moves an appointment to another free slot of its calendar (as `calendars/<id>/availabilities/<day>` lists them), queued for the portal. */
  'pratiche.appuntamenti.sposta': call(
    z
      .object({
        id: praticaId,
        appuntamentoId: z.string().min(1).max(100),
        giorno: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        inizio: z.string().regex(/^\d{2}:\d{2}$/),
        fine: z.string().regex(/^\d{2}:\d{2}$/),
        openingHour: z.string().min(1).max(100),
      })
      .strict(),
    praticaViewSchema,
  ),
};
