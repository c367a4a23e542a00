/**
 * VpcdLink against a vpcd stand-in on 127.0.0.1. The real vpcd is exercised in
 * tests/integration/virtual-card; here a server of our own plays vpcd because the
 * cases need vpcd to vanish and come back, and restarting the shared pcscd would
 * pull the readers from under every other test running at the same time.
 */
import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCnsCard } from '../../../native/virtual-card';
import { VpcdLink, type VpcdLinkEvent } from '../../../native/virtual-card/vpcd-link';
import { FrameReassembler, encodeFrame } from '../../../native/virtual-card/vpcd-framing';
import { fromHex, hex } from '../../../native/virtual-card/apdu';

interface FakeVpcd {
  port: number;
  /** Stops listening and cuts the card connections, as a dying pcscd does. */
  stop(): Promise<void>;
  /** Resolves with the next accepted card connection. */
  nextCard(): Promise<CardConnection>;
}

interface CardConnection {
  socket: Socket;
  /** Sends a frame byte by byte (the worst split TCP can do) and waits for `replies` frames back. */
  exchange(payload: Uint8Array, replies?: number): Promise<Uint8Array[]>;
}

async function fakeVpcd(port = 0): Promise<FakeVpcd> {
  const waiting: ((c: CardConnection) => void)[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    socket.on('error', () => {});
    sockets.add(socket);
    const frames = new FrameReassembler();
    const inbox: Uint8Array[] = [];
    let wake: (() => void) | undefined;
    socket.on('data', (chunk) => {
      inbox.push(...frames.push(chunk));
      wake?.();
    });
    const connection: CardConnection = {
      socket,
      async exchange(payload, replies = 1) {
        for (const byte of encodeFrame(payload)) socket.write(new Uint8Array([byte]));
        while (inbox.length < replies) await new Promise<void>((r) => (wake = r));
        return inbox.splice(0, replies);
      },
    };
    waiting.shift()?.(connection);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    nextCard: () => new Promise((r) => waiting.push(r)),
    stop: () => {
      const closed = new Promise<void>((r) => server.close(() => r()));
      for (const socket of sockets) socket.destroy();
      return closed;
    },
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

describe('VpcdLink', () => {
  it('speaks the vpcd protocol: controls without reply except GET ATR, one R-APDU per C-APDU', async () => {
    const vpcd = await fakeVpcd();
    closers.push(() => vpcd.stop());
    const cns = createCnsCard();
    const link = new VpcdLink(cns.card, { port: vpcd.port });
    closers.push(() => link.remove());
    const connected = vpcd.nextCard();
    await link.insert();
    const card = await connected;
    const [atr] = await card.exchange(new Uint8Array([4]));
    expect(hex(atr!)).toBe(hex(cns.atr));
    card.socket.write(encodeFrame(new Uint8Array([1]))); // power on: no reply
    card.socket.write(encodeFrame(new Uint8Array([2]))); // reset: no reply
    const [answer] = await card.exchange(fromHex('00A4080C0410001003'));
    expect(hex(answer!)).toBe('9000');
    const [serial] = await card.exchange(fromHex('00B0000000'));
    expect(Buffer.from(serial!.subarray(0, 16)).toString('ascii')).toBe(cns.serial);
  });

  it('survives vpcd going away, reports the card removed and, with autoReconnect, comes back', async () => {
    const first = await fakeVpcd();
    const port = first.port;
    const events: VpcdLinkEvent['kind'][] = [];
    const cns = createCnsCard();
    const link = new VpcdLink(cns.card, { port, autoReconnect: true, retryIntervalMs: 50, onEvent: (e) => events.push(e.kind) });
    closers.push(() => link.remove());
    const connected = first.nextCard();
    await link.insert();
    const card = await connected;
    await card.exchange(fromHex('00200010083132333435FFFFFF'));
    expect(cns.pinState().pinVerified).toBe(true);

    await first.stop(); // pcscd died
    await new Promise((r) => setTimeout(r, 200));
    expect(link.inserted).toBe(false);
    expect(cns.pinState().pinVerified).toBe(false);

    const second = await fakeVpcd(port); // pcscd is back on the same port
    closers.push(() => second.stop());
    const back = await second.nextCard();
    const [atr] = await back.exchange(new Uint8Array([4]));
    expect(hex(atr!)).toBe(hex(cns.atr));
    expect(link.inserted).toBe(true);
    expect(events).toEqual(expect.arrayContaining(['connected', 'disconnected', 'reconnecting']));
  });

  it('drops the connection mid-APDU when told to, and stays out until inserted again', async () => {
    const vpcd = await fakeVpcd();
    closers.push(() => vpcd.stop());
    // autoReconnect is on: a pulled card must still stay out.
    const link = new VpcdLink(createCnsCard().card, { port: vpcd.port, autoReconnect: true, retryIntervalMs: 20 });
    closers.push(() => link.remove());
    const connected = vpcd.nextCard();
    await link.insert();
    const card = await connected;
    link.faults.set({ kind: 'drop' });
    const closed = new Promise((r) => card.socket.once('close', r));
    card.socket.write(encodeFrame(fromHex('00A4080C0410001003')));
    await closed;
    await new Promise((r) => setTimeout(r, 200));
    expect(link.inserted).toBe(false);
    const again = vpcd.nextCard();
    await link.insert();
    const [answer] = await (await again).exchange(fromHex('00A4080C0410001003'));
    expect(hex(answer!)).toBe('9000');
  });

  it('with waitUntilPowered, insert() resolves only once vpcd powered the card on and read its ATR', async () => {
    const vpcd = await fakeVpcd();
    closers.push(() => vpcd.stop());
    const link = new VpcdLink(createCnsCard().card, { port: vpcd.port, waitUntilPowered: true });
    closers.push(() => link.remove());
    const connected = vpcd.nextCard();
    let resolved = false;
    const inserting = link.insert().then(() => (resolved = true));
    const card = await connected;
    await card.exchange(new Uint8Array([4])); // presence poll: not yet powered
    expect(resolved).toBe(false);
    card.socket.write(encodeFrame(new Uint8Array([1])));
    await card.exchange(new Uint8Array([4]));
    await inserting;
    expect(resolved).toBe(true);
  });

  it('with waitUntilPowered, reports a reader that never polls the port', async () => {
    const vpcd = await fakeVpcd();
    closers.push(() => vpcd.stop());
    const link = new VpcdLink(createCnsCard().card, { port: vpcd.port, waitUntilPowered: true, connectTimeoutMs: 300 });
    closers.push(() => link.remove());
    await expect(link.insert()).rejects.toThrow(/pcscd did not power the card on/);
  });
});
