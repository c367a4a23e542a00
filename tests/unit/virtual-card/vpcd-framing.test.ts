import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameReassembler, encodeFrame } from '../../../native/virtual-card/vpcd-framing';

describe('vpcd framing', () => {
  it('encodes a 2-byte big-endian length before the payload', () => {
    expect(Array.from(encodeFrame(new Uint8Array([0x00, 0xa4, 0x04, 0x00])))).toEqual([0x00, 0x04, 0x00, 0xa4, 0x04, 0x00]);
    const long = encodeFrame(new Uint8Array(300));
    expect([long[0], long[1]]).toEqual([0x01, 0x2c]);
  });

  it('refuses payloads that do not fit the length field', () => {
    expect(() => encodeFrame(new Uint8Array(0x10000))).toThrow(/too long/);
  });

  it('waits for the rest of a frame split inside its header', () => {
    const r = new FrameReassembler();
    expect(r.push(new Uint8Array([0x00]))).toEqual([]);
    expect(r.push(new Uint8Array([0x02, 0xaa]))).toEqual([]);
    expect(r.pending).toBe(3);
    expect(r.push(new Uint8Array([0xbb, 0x00, 0x01]))).toEqual([new Uint8Array([0xaa, 0xbb])]);
    expect(r.push(new Uint8Array([0x04]))).toEqual([new Uint8Array([0x04])]);
    expect(r.pending).toBe(0);
  });

  it('hands out every frame, in order, however TCP splits or merges the stream', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 0, maxLength: 600 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 40 }),
        (frames, cuts) => {
          const stream = Buffer.concat(frames.map((f) => encodeFrame(f)));
          const r = new FrameReassembler();
          const received: Uint8Array[] = [];
          let at = 0;
          let cut = 0;
          while (at < stream.length) {
            const size = cuts[cut++ % cuts.length]!;
            received.push(...r.push(new Uint8Array(stream.subarray(at, at + size))));
            at += size;
          }
          expect(received.map((f) => Buffer.from(f).toString('hex'))).toEqual(frames.map((f) => Buffer.from(f).toString('hex')));
          expect(r.pending).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
