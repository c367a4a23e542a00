/**
 * The issuing system's HTTP contract (documented for the app in electron/core/desk/README.md):
 *
 * `POST /{tenant}/api/pin-releases` (Bearer token of a portal account)
 *   {fiscal_code, card_serial, operator, identity_document: {type, number, issued_by, expires_on},
 *    channel: {type: 'email'|'sms', destination}}
 *   -> 201 {id, pin_first_digits, puk_first_digits, channel}: the issuer has already delivered
 *      the last 3 PIN digits and last 6 PUK digits on the channel;
 *   -> 404 unknown card, 409 the card is not that citizen's, 400 invalid body,
 *      503 delivery failed (nothing released).
 *
 * Test controls (header x-portal-admin):
 * `POST /__admin/issuing/cards` {serial, fiscal_code, name, pin, puk} registers a card;
 * `GET /__admin/issuing/releases`; `GET /__admin/issuing/sms` lists the SMS the gateway got.
 * `POST /__sms-gateway/messages` {to, text} is the SMS gateway (admin key, as a gateway's API key).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HttpError, type RouteModule } from '../router';
import { createConsegna } from './consegna';
import type { RegistroCarte } from './registro-carte';

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
  })
  .strict();

const cardBody = z
  .object({ serial: z.string().regex(/^\d{16}$/), fiscal_code: z.string().length(16), name: z.string().min(1), pin: z.string().regex(/^\d{5}$/), puk: z.string().regex(/^\d{8}$/) })
  .strict();

const smsBody = z.object({ to: z.string().min(3).max(20), text: z.string().min(1).max(1000) }).strict();

export interface SmsRicevuto {
  to: string;
  text: string;
  at: string;
}

export interface IssuingDeps {
  registro: RegistroCarte;
  smtp: { host: string; port: number };
  /** Where the SMS gateway endpoint records what it receives. */
  sms: SmsRicevuto[];
}

export function issuingRoutes(deps: IssuingDeps): RouteModule {
  return (ctx) => {
    const consegna = createConsegna({
      smtp: deps.smtp,
      from: `Emissione carte <emissione@${ctx.catalogue.tenant.slug}.example.it>`,
      smsGateway: () => ({ url: `${ctx.baseUrl()}/__sms-gateway/messages`, headers: { 'x-portal-admin': ctx.adminKey } }),
    });
    return [
      {
        method: 'POST',
        path: '/{tenant}/api/pin-releases',
        access: 'user',
        async handle(req) {
          const body = await req.json(releaseBody);
          const carta = deps.registro.get(body.card_serial);
          if (!carta) throw new HttpError(404, 'Unknown card.');
          if (carta.codiceFiscale !== body.fiscal_code) throw new HttpError(409, 'The card does not belong to this citizen.');
          if (body.identity_document.expires_on < ctx.now().toISOString().slice(0, 10)) throw new HttpError(400, 'Identity document expired.');
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
            throw new HttpError(503, 'Delivery failed: nothing was released.');
          }
          deps.registro.record({
            id,
            seriale: carta.seriale,
            codiceFiscale: carta.codiceFiscale,
            operatore: body.operator,
            canale: body.channel.type,
            destinazione: body.channel.destination,
            at: ctx.now().toISOString(),
          });
          return { status: 201, json: { id, pin_first_digits: carta.pin.slice(0, 2), puk_first_digits: carta.puk.slice(0, 2), channel: body.channel.type } };
        },
      },
      {
        method: 'POST',
        path: '/__admin/issuing/cards',
        access: 'admin',
        async handle(req) {
          const b = await req.json(cardBody);
          deps.registro.register({ seriale: b.serial, codiceFiscale: b.fiscal_code, nome: b.name, pin: b.pin, puk: b.puk });
          return { status: 204 };
        },
      },
      { method: 'GET', path: '/__admin/issuing/releases', access: 'admin', handle: () => ({ status: 200, json: deps.registro.releases() }) },
      { method: 'GET', path: '/__admin/issuing/sms', access: 'admin', handle: () => ({ status: 200, json: deps.sms }) },
      {
        method: 'POST',
        path: '/__sms-gateway/messages',
        access: 'admin',
        async handle(req) {
          const b = await req.json(smsBody);
          deps.sms.push({ to: b.to, text: b.text, at: ctx.now().toISOString() });
          return { status: 202, json: { accepted: true } };
        },
      },
    ];
  };
}
