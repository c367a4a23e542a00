/**
 * How large a message from a page may be. Almost every call carries a few fields; only the
 * calls that carry a file as base64 need megabytes. A small limit for the others keeps a page
 * (or whatever drives it) from making the host parse and validate megabytes it has no use for.
 *
 * ws takes one maxPayload per server and sizes a frame by it before the frame can be read, so
 * the host runs two: the page's connection with the small limit, and one at WS_FILE_PATH with
 * the large limit that answers file calls only (server.ts). On top, the host checks each frame
 * by the call it names: read from the frame's first bytes before parsing, so an oversized
 * ordinary frame is never parsed, and again after parsing, because JSON keeps the last of two
 * "call" keys and the first bytes could lie.
 */
import { isFileCall } from '../shared/transport/ws-wire';

export interface FrameLimits {
  /** Bytes of a frame of an ordinary call. */
  callBytes: number;
  /** Bytes of a frame of a call in FILE_CALLS (shared/transport/ws-wire.ts), on the file connection. */
  fileBytes: number;
}

export const DEFAULT_FRAME_LIMITS: FrameLimits = {
  callBytes: 256 * 1024,
  // A 20 MB attachment as base64 (the contract's bound), with room for the rest of the message.
  fileBytes: 40 * 1024 * 1024,
};

/**
 * The page's transport writes every message as JSON.stringify({ id, call, input }), so the
 * call's name is in the first bytes; a frame written otherwise gets the ordinary limit.
 */
const HEAD = /^\{"id":\d{1,16},"call":"([A-Za-z0-9_.]{1,100})"/;
const HEAD_BYTES = 160;

export function namedCall(frame: Buffer): string | undefined {
  return HEAD.exec(frame.subarray(0, HEAD_BYTES).toString('latin1'))?.[1];
}

export function frameLimit(limits: FrameLimits, call: string | undefined): number {
  return call !== undefined && isFileCall(call) ? limits.fileBytes : limits.callBytes;
}
