/**
 * The session's state machine over a hand-driven CardPort. The port is a test
 * double on purpose: these tests steer the exact order of "card out" and "reading
 * finished", which a real reader cannot do on demand; the real chain (pcscd + vpcd +
 * emulated card) is exercised in tests/integration/identity.
 */
import { describe, expect, it } from 'vitest';
import { IdentitySession } from '../../../electron/core/identity/session';
import { silentLogger } from '../../../electron/core/log/logger';
import type { CardIdentity, CardPort, CardPortEvent } from '../../../electron/core/ports/card';
import type { CardSession } from '../../../electron/shared/contract/card';
import { cardEvents } from '../../../electron/shared/contract/card';
import { CardError } from '../../../native/apdu/errors';
import { MARIO_ROSSI } from '../../e2e/support/scripted-card';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

class DrivenPort implements CardPort {
  listener: ((e: CardPortEvent) => void) | undefined;
  reading = deferred<CardIdentity>();
  pinCalls: string[] = [];
  cards = new Set<string>();
  verifyAnswer: () => Promise<void> = async () => undefined;
  start() {}
  async stop() {}
  serviceAvailable() {
    return true;
  }
  readers() {
    return ['Lettore A', 'Lettore B'].map((name) => ({ name, cardPresent: this.cards.has(name) }));
  }
  onEvent(listener: (e: CardPortEvent) => void) {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  identify() {
    return this.reading.promise;
  }
  async pinStatus() {
    return { triesLeft: 3, blocked: false, pukTriesLeft: 10, pukBlocked: false };
  }
  async verifyPin(_reader: string, pin: string) {
    this.pinCalls.push(pin);
    return this.verifyAnswer();
  }
  async changePin() {}
  async unblockPin() {}
  signer(): never {
    throw new Error('not used');
  }
  insert(reader: string) {
    this.cards.add(reader);
    this.listener?.({ type: 'card-inserted', reader });
  }
  remove(reader: string) {
    this.cards.delete(reader);
    this.listener?.({ type: 'card-removed', reader });
  }
}

function setup() {
  const port = new DrivenPort();
  const sessions: CardSession[] = [];
  const bus = {
    emit: (event: string, payload: unknown) => {
      if (event === 'card.session') sessions.push(cardEvents['card.session'].parse(payload));
    },
  };
  const session = new IdentitySession(port, bus as never, silentLogger);
  session.start();
  return { port, session, sessions };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('identity session', () => {
  it('goes card in -> lettura -> identificata -> autenticata, publishing each state', async () => {
    const { port, session, sessions } = setup();
    port.insert('Lettore A');
    port.reading.resolve(MARIO_ROSSI);
    await tick();
    expect(sessions.map((s) => s.state)).toEqual(['nessuna-carta', 'lettura', 'identificata']);
    // Before the PIN: the name for the greeting, nothing else of the holder or the card.
    expect(sessions.at(-1)?.titolare).toEqual({ codiceFiscale: null, nome: 'MARIO', cognome: 'ROSSI', dataNascita: null, sesso: null, comuneResidenza: null, indirizzoResidenza: null });
    expect(sessions.at(-1)?.carta).toBeNull();
    const after = await session.verifyPin('12345');
    expect(after.state).toBe('autenticata');
    expect(after.titolare?.codiceFiscale).toBe('RSSMRA80A01H501U');
    expect(after.carta?.seriale).toBeTruthy();
    // Esci: back to the name only.
    expect(session.endSession().titolare?.codiceFiscale).toBeNull();
    expect(port.pinCalls).toEqual(['12345']);
  });

  it('wipes the session synchronously when the card leaves', async () => {
    const { port, session, sessions } = setup();
    port.insert('Lettore A');
    port.reading.resolve(MARIO_ROSSI);
    await tick();
    await session.verifyPin('12345');
    port.remove('Lettore A');
    expect(sessions.at(-1)).toEqual({ state: 'nessuna-carta', reader: null, titolare: null, carta: null, error: null });
    expect(session.current()).toBeNull();
    expect(sessions.at(-1)?.state).toBe('nessuna-carta');
  });

  it('ends the authenticated session on request while the card stays in', async () => {
    const { port, session } = setup();
    port.insert('Lettore A');
    port.reading.resolve(MARIO_ROSSI);
    await tick();
    await session.verifyPin('12345');
    expect(session.current()?.authenticated).toBe(true);
    expect(session.endSession().state).toBe('identificata');
    expect(session.current()?.authenticated).toBe(false);
    expect(session.current()?.identity.codiceFiscale).toBe('RSSMRA80A01H501U');
  });

  it('discards a reading that finishes after the card left', async () => {
    const { port, session, sessions } = setup();
    port.insert('Lettore A');
    port.remove('Lettore A');
    port.reading.resolve(MARIO_ROSSI);
    await tick();
    expect(sessions.at(-1)?.state).toBe('nessuna-carta');
    expect(session.current()).toBeNull();
  });

  it('shows a refused card with its message (e.g. a CIE)', async () => {
    const { port, sessions } = setup();
    port.insert('Lettore A');
    port.reading.reject(new CardError('carta-cie', "Questa è una Carta d'Identità Elettronica (CIE), non una CNS"));
    await tick();
    expect(sessions.at(-1)).toMatchObject({ state: 'rifiutata', error: { code: 'carta-cie' } });
  });

  it('passes a wrong PIN through once and stays identified', async () => {
    const { port, session, sessions } = setup();
    port.insert('Lettore A');
    port.reading.resolve(MARIO_ROSSI);
    await tick();
    port.verifyAnswer = async () => {
      throw new CardError('pin-errato', 'PIN errato: 2 tentativi rimasti', 2);
    };
    await expect(session.verifyPin('11111')).rejects.toMatchObject({ message: 'PIN errato: 2 tentativi rimasti' });
    expect(port.pinCalls).toEqual(['11111']);
    expect(sessions.at(-1)?.state).toBe('identificata');
  });

  it('refuses PIN operations without a card', async () => {
    const { session } = setup();
    await expect(session.verifyPin('12345')).rejects.toMatchObject({ code: 'carta-assente' });
  });

  it('moves on to a card already waiting in another reader', async () => {
    const { port, sessions } = setup();
    port.insert('Lettore A');
    port.reading.resolve(MARIO_ROSSI);
    await tick();
    port.cards.add('Lettore B');
    port.reading = deferred();
    port.remove('Lettore A');
    expect(sessions.at(-1)).toMatchObject({ state: 'lettura', reader: 'Lettore B' });
  });
});
