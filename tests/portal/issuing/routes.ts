/**
 * The issuing system's HTTP contract. It is OURS, not the municipal portal's (the real Stanza
 * del Cittadino has nothing like it); documented for the app in README.md ("The issuing system"):
 *
 * `POST {issuer}/auth` {username, password} -> 200 {token} | 401 {error, detail}
 * `POST {issuer}/pin-releases` (Bearer token)
 *   {fiscal_code, card_serial, operator, identity_document: {type, number, issued_by, expires_on},
 *    channel: {type: 'email'|'sms', destination}, audit_head: {seq, hash} | null}
 *   (`audit_head`: the desk's audit log head before this release, kept with the release record)
 *   -> 201 {id, pin_first_digits, puk_first_digits, channel}: the issuer has already delivered
 *      the last 3 PIN digits and last 6 PUK digits on the channel;
 *   -> 404 {error: 'carta-sconosciuta'}, 409 {error: 'carta-di-altro-cittadino'},
 *      400 {error: 'richiesta-non-valida'}, 503 {error: 'consegna-non-riuscita'} (nothing released).
 *   Errors name what they are (`error`), so a 404 of a wrong address is never "unknown card".
 *
 * Test controls (header x-issuer-admin): `POST /__admin/cards` {serial, fiscal_code, name, pin, puk};
 * `GET /__admin/releases`; `GET /__admin/sms`. `POST /__sms-gateway/messages` {to, text} is the
 * SMS gateway (admin key, as a gateway's API key).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createConsegna } from './consegna';
import type { RegistroCarte } from './registro-carte';

export class IssuerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

const releaseBody = z
  .object({
    fiscal_code: z.string().regex(/^[A-Z0-9]{16}$/),
    card_serial: z.string().regex(/^\d{16}$/),
    operator: z.string().min(1).max(64),
    identity_document: z.object({
      type: z.string().min(1).max(40),
      number: z.string().min(1).max(40),
      issued_by: z.string().min(1).max(120),
      expires_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
    channel: z.discriminatedUnion('type', [
      z.object({ type: z.literal('email'), destination: z.email() }),
      z.object({ type: z.literal('sms'), destination: z.string().regex(/^\+393\d{8,9}$/) }),
    ]),
    audit_head: z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict().nullable(),
  })
  .strict();

export const cardBody = z
  .object({ serial: z.string().regex(/^\d{16}$/), fiscal_code: z.string().length(16), name: z.string().min(1), pin: z.string().regex(/^\d{5}$/), puk: z.string().regex(/^\d{8}$/) })
  .strict();

export const smsBody = z.object({ to: z.string().min(3).max(20), text: z.string().min(1).max(1000) }).strict();

export interface SmsRicevuto {
  to: string;
  text: string;
  at: string;
}

export interface IssuingDeps {
  registro: RegistroCarte;
  smtp: { host: string; port: number };
  sms: SmsRicevuto[];
  smsGateway: () => { url: string; headers: Record<string, string> };
  now: () => Date;
}

export function parseRelease(body: unknown): z.output<typeof releaseBody> {
  const parsed = releaseBody.safeParse(body);
  if (!parsed.success) throw new IssuerError(400, 'richiesta-non-valida', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** One release: checks, delivery of the second halves, record; the first halves go back to the desk. */
export function createReleases(deps: IssuingDeps) {
  const consegna = createConsegna({ smtp: deps.smtp, from: 'Emissione carte <emissione@emissione.example.it>', smsGateway: deps.smsGateway });
  return async (body: z.output<typeof releaseBody>) => {
    const carta = deps.registro.get(body.card_serial);
    if (!carta) throw new IssuerError(404, 'carta-sconosciuta', 'Unknown card.');
    if (carta.codiceFiscale !== body.fiscal_code) throw new IssuerError(409, 'carta-di-altro-cittadino', 'The card does not belong to this citizen.');
    if (body.identity_document.expires_on < deps.now().toISOString().slice(0, 10)) throw new IssuerError(400, 'documento-scaduto', 'Identity document expired.');
    const id = randomUUID();
    try {
      await consegna.send({
        canale: body.channel.type,
        destinazione: body.channel.destination,
        nome: carta.nome,
        pinLast3: carta.pin.slice(2),
        pukLast6: carta.puk.slice(2),
        releaseId: id,
      });
    } catch {
      throw new IssuerError(503, 'consegna-non-riuscita', 'Delivery failed: nothing was released.');
    }
    deps.registro.record({
      id,
      seriale: carta.seriale,
      codiceFiscale: carta.codiceFiscale,
      operatore: body.operator,
      canale: body.channel.type,
      destinazione: body.channel.destination,
      testaRegistro: body.audit_head,
      at: deps.now().toISOString(),
    });
    return { id, pin_first_digits: carta.pin.slice(0, 2), puk_first_digits: carta.puk.slice(0, 2), channel: body.channel.type };
  };
}
