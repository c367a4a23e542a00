/**
 * The one configuration file of an installation (kiosk, desk or home).
 *
 * Every field has a default, so an empty file (or none) gives the demo: "Comune di
 * Prova", home mode, no portal, any reader. Credentials are never in this file: it
 * names where they are (an environment variable or a file readable only by the app).
 */
import { z } from 'zod';
import { MIN_IDLE_TIMEOUT_SECONDS } from '../../shared/contract/app';

export const credentialsReferenceSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('env'), usernameVar: z.string().min(1), passwordVar: z.string().min(1) }).strict(),
  z.object({ from: z.literal('file'), path: z.string().min(1) }).strict(),
]);

export const configSchema = z
  .object({
    comune: z
      .object({
        id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'identificativo di comune: minuscole, cifre e trattini'),
        nome: z.string().min(1).max(120),
        codiceIstat: z.string().regex(/^\d{6}$/).optional(),
        aoo: z.string().max(64).optional(),
        /** The comune's codice fiscale (11 digits): the creditor in the pagoPA notice's QR code, which the portal does not give. */
        codiceFiscale: z.string().regex(/^\d{11}$/, 'codice fiscale del Comune: 11 cifre').optional(),
      })
      .strict()
      .default({ id: 'comune-di-prova', nome: 'Comune di Prova' }),
    mode: z.enum(['kiosk', 'desk', 'home']).default('home'),
    portal: z
      .object({
        /** The portal's origin, or the tenant's base URL it prints (https://servizi.comune.it/comune-di-esempio). */
        url: z.url({ protocol: /^https?$/ }),
        /** The tenant's slug, when `url` is the bare origin. */
        tenant: z.string().min(1).max(64).optional(),
        /** Kiosk and desk: the Comune's account the app logs in with. Never at home (see below). */
        credentials: credentialsReferenceSchema.optional(),
        /**
         * Home: the portal's CNS login (TLS client authentication with the card), when it is not
         * `<tenant>/auth/login-pat` at the portal's address (a login host of its own).
         */
        cnsLoginUrl: z.url({ protocol: /^https$/ }).optional(),
        /** The form server's address (FORMSERVER_PUBLIC_URL), when the kiosk must reach it elsewhere than the services say. */
        formServerUrl: z.url({ protocol: /^https?$/ }).optional(),
      })
      .strict()
      .nullable()
      .default(null),
    /**
     * The PIN/PUK issuing system the desk asks for releases: a system of its own, with its own
     * address and account (not the municipal portal, which has no such service).
     */
    issuer: z
      .object({
        url: z.url({ protocol: /^https?$/ }),
        credentials: credentialsReferenceSchema,
        timeoutSeconds: z.number().int().min(1).max(120).default(15),
      })
      .strict()
      .nullable()
      .default(null),
    reader: z
      .object({
        /** Only readers whose name contains this text (case-insensitive) are used. */
        nameFilter: z.string().max(120).nullable().default(null),
      })
      .strict()
      .default({ nameFilter: null }),
    pkcs11: z
      .object({
        /**
         * The PKCS#11 module to sign with (e.g. the card vendor's). Used as it is: a path that
         * does not exist is an error ('modulo-pkcs11-assente'), never silently replaced. When
         * null, the usual OpenSC / bit4id / Athena / CIE paths are tried (native/pkcs11/discovery.ts).
         * `npm run card -- info` tells which module would be used and why.
         */
        modulePath: z.string().min(1).nullable().default(null),
      })
      .strict()
      .default({ modulePath: null }),
    /** Where the database, attachments and logs live; null = the platform's app data folder. */
    dataDirectory: z.string().min(1).nullable().default(null),
    /** Kiosk: seconds without a touch before the session ends, the last IDLE_WARNING_SECONDS (30) of them counted down on screen. */
    idleTimeoutSeconds: z.number().int().min(MIN_IDLE_TIMEOUT_SECONDS).max(3600).default(120),
    /**
     * CA certificates (PEM) for card certificates and signatures, on top of the Italian
     * trusted list shipped with the app (electron/core/pki/ca-italiane.pem), or instead
     * of it with caBundleMode 'replace'. null = the shipped list alone.
     */
    caBundlePath: z.string().min(1).nullable().default(null),
    caBundleMode: z.enum(['add', 'replace']).default('add'),
    printer: z.object({ name: z.string().min(1).nullable().default(null) }).strict().default({ name: null }),
    retentionDays: z.number().int().min(0).max(3650).optional(),
    /** Kiosk drafts untouched for this many days are deleted (a citizen may come back to finish them). */
    draftRetentionDays: z.number().int().min(1).max(3650).default(30),
    sync: z
      .object({
        /** Seconds between two sync cycles; a submission also starts one at once. */
        intervalSeconds: z.number().int().min(1).max(3600).default(15),
      })
      .strict()
      .default({ intervalSeconds: 15 }),
  })
  .strict()
  .superRefine((config, ctx) => {
    // An account of the Comune reads and creates pratiche for anyone: a citizen's computer must never hold one.
    if (config.mode === 'home' && config.portal?.credentials) {
      ctx.addIssue({
        code: 'custom',
        path: ['portal', 'credentials'],
        message: "a casa il cittadino accede al portale con la propria carta: togli portal.credentials (l'account del Comune vede le pratiche di tutti)",
      });
    }
  });

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

/** Retention of a final pratica's personal data: nothing on a shared kiosk, 90 days at home. */
export function retentionDays(config: Config): number {
  return config.retentionDays ?? (config.mode === 'kiosk' ? 0 : 90);
}

export const DEMO_CONFIG: Config = configSchema.parse({});
