/**
 * Messages of the browser host's WebSocket: the same calls and events as Electron
 * IPC, as JSON. Both ends parse what they receive with these schemas.
 */
import { z } from 'zod';
import { apiErrorSchema } from '../contract/define';
import type { calls } from '../contract';

export const WS_PATH = '/sportello';
/**
 * Calls that carry a file's bytes (base64) travel on a connection of their own, at this path,
 * the only one whose frames may be megabytes: ws sizes its buffer by the connection's limit
 * before a frame's call can be read, so one limit for every call would let any call cost 40 MiB.
 */
export const WS_FILE_PATH = '/sportello/file';
const FILE_CALLS: ReadonlySet<string> = new Set<keyof typeof calls>(['pratiche.attachments.add', 'pratiche.messaggi.invia', 'documents.verificaFirma', 'app.print']);
export const isFileCall = (call: string): boolean => FILE_CALLS.has(call);
export const WS_PROTOCOL = 'sportello.v1';
/** The page's token (launch or page token) travels as a second WebSocket sub-protocol, never in a URL the server logs. */
export const TOKEN_PROTOCOL_PREFIX = 'token.';

/** A page token: the host's answer to FRESH_PAGE_CALL and the payload of SESSION_EVENT. */
export const pageTokenSchema = z.object({ token: z.string().regex(/^[0-9a-f]{48}$/) });

/**
 * Sent by the browser host, before anything else, to a page that connected with a launch token:
 * that token is now spent, and this page token is what the page presents from now on.
 */
export const SESSION_EVENT = 'host.sessione';

/**
 * Answered by the browser host itself, not by core: a new token for the page that is about
 * to reload itself for the next citizen (the token it used stops working, and any other page
 * still connected with it, such as a window the previous page opened, is disconnected).
 */
export const FRESH_PAGE_CALL = 'host.nuovaPagina';

export const clientMessageSchema = z.object({
  id: z.number().int().nonnegative(),
  call: z.string().min(1).max(100),
  input: z.unknown(),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const serverMessageSchema = z.union([
  z.object({
    id: z.number().int().nonnegative(),
    result: z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: apiErrorSchema })]),
  }),
  z.object({ event: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
