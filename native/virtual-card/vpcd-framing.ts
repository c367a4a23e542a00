/**
 * vpcd's wire format, both ways: a 2-byte big-endian length, then that many bytes.
 * TCP may split a frame or merge several into one chunk, so incoming bytes go
 * through a reassembler that hands out whole frames only.
 */

const MAX_FRAME = 0xffff;

export function encodeFrame(payload: Uint8Array): Uint8Array {
  if (payload.length > MAX_FRAME) throw new Error(`vpcd frame too long: ${payload.length} bytes`);
  const out = new Uint8Array(2 + payload.length);
  out[0] = payload.length >> 8;
  out[1] = payload.length & 0xff;
  out.set(payload, 2);
  return out;
}

export class FrameReassembler {
  private buffer = new Uint8Array(0);

  /** Adds received bytes; returns every frame now complete, in order. */
  push(chunk: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer, 0);
    joined.set(chunk, this.buffer.length);
    const frames: Uint8Array[] = [];
    let at = 0;
    while (joined.length - at >= 2) {
      const length = (joined[at]! << 8) | joined[at + 1]!;
      if (joined.length - at - 2 < length) break;
      frames.push(joined.slice(at + 2, at + 2 + length));
      at += 2 + length;
    }
    this.buffer = joined.slice(at);
    return frames;
  }

  /** Bytes received that do not yet make a whole frame. */
  get pending(): number {
    return this.buffer.length;
  }
}

/** vpcd's one-byte control messages. */
export const VpcdControl = {
  POWER_OFF: 0,
  POWER_ON: 1,
  RESET: 2,
  GET_ATR: 4,
} as const;
