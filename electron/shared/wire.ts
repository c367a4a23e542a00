/**
 * Messages of the browser host's WebSocket: the same calls and events as Electron
 * IPC, as JSON. Both ends parse what they receive with these schemas.
 */
import { z } from 'zod';
import { apiErrorSchema } from './define';

export const WS_PATH = '/sportello';
export const WS_PROTOCOL = 'sportello.v1';
/** The launch token travels as a second WebSocket sub-protocol, never in a URL the server logs. */
export const TOKEN_PROTOCOL_PREFIX = 'token.';

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
