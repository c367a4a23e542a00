/**
 * A card reader driven by the test: insert and remove a card holding a CNS identity,
 * with a PIN that counts its tries like a real card (3 tries, then blocked; PUK
 * unblocks). It stands in for PC/SC + the CNS profile only because no emulated CNS
 * (with its files and certificate) exists yet to put behind pcscd + vpcd; everything
 * above the card port (identity session, pratiche, store, host, WebSocket, renderer)
 * is the real code. The real chain is exercised by the card layer's own tests.
 */
import type { CardIdentity, CardPinStatus, CardPort, CardPortEvent, CardPortFactory } from '../../../electron/core/ports/card';
import { createHmac } from 'node:crypto';
import type { SignerPort } from '../../../electron/core/ports/signer';
import { CardError } from '../../../native/apdu/errors';

const READER = 'Lettore di prova 00 00';
export const PIN = '12345';
const PUK = '12345678';

export const MARIO_ROSSI: CardIdentity = {
  codiceFiscale: 'RSSMRA80A01H501U',
  nome: 'MARIO',
  cognome: 'ROSSI',
  dataNascita: '1980-01-01',
  sesso: 'M',
  comuneNascita: 'H501',
  comuneResidenza: 'H501',
  indirizzoResidenza: 'VIA ROMA 1',
  seriale: '6120016461039008',
  scadenza: '2030-01-01',
  tipo: 'CNS 1.1 (STIncard)',
  certificato: { der: new Uint8Array([0x30, 0]), emittente: 'CA di prova', validoDal: new Date('2024-01-01'), validoAl: new Date('2030-01-01') },
};

export class ScriptedCard implements CardPort {
  private listeners = new Set<(e: CardPortEvent) => void>();
  private inserted: CardIdentity | null = null;
  private pin = PIN;
  private triesLeft = 3;

  readonly factory: CardPortFactory = () => this;

  start(): void {}
  async stop(): Promise<void> {}
  serviceAvailable(): boolean {
    return true;
  }
  readers() {
    return [{ name: READER, cardPresent: this.inserted !== null }];
  }
  onEvent(listener: (e: CardPortEvent) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  async identify(): Promise<CardIdentity> {
    if (!this.inserted) throw new CardError('carta-assente', 'Inserisci la carta nel lettore.');
    return this.inserted;
  }
  async pinStatus(): Promise<CardPinStatus> {
    return { triesLeft: this.triesLeft, blocked: this.triesLeft === 0, pukTriesLeft: 10, pukBlocked: false };
  }
  async verifyPin(_reader: string, pin: string): Promise<void> {
    if (this.triesLeft === 0) throw new CardError('pin-bloccato', 'PIN bloccato: sbloccalo con il PUK.');
    if (pin !== this.pin) {
      this.triesLeft -= 1;
      const text = this.triesLeft === 1 ? '1 tentativo rimasto' : `${this.triesLeft} tentativi rimasti`;
      throw new CardError('pin-errato', `PIN errato: ${text}`, this.triesLeft);
    }
    this.triesLeft = 3;
  }
  async changePin(reader: string, pin: string, newPin: string): Promise<void> {
    await this.verifyPin(reader, pin);
    this.pin = newPin;
  }
  async unblockPin(_reader: string, puk: string, newPin: string): Promise<void> {
    if (puk !== PUK) throw new CardError('puk-errato', 'PUK errato: 9 tentativi rimasti', 9);
    this.pin = newPin;
    this.triesLeft = 3;
  }
  /**
   * No certificate, so no document can be signed; but the card answers a challenge with the
   * same bytes every time, as a real card's RSA PKCS#1 v1.5 signature does (the kiosk's draft
   * vault needs only that).
   */
  signer(): SignerPort {
    const card = this.inserted;
    return {
      certificate: async () => {
        throw new CardError('firma-non-riuscita', 'La firma non è disponibile con il lettore di prova.');
      },
      signSha256: async (data) => {
        if (!card) throw new CardError('carta-assente', 'Inserisci la carta nel lettore.');
        return createHmac('sha256', `carta di prova ${card.seriale}`).update(data).digest();
      },
    };
  }

  insert(identity: CardIdentity = MARIO_ROSSI): void {
    this.inserted = identity;
    this.emit({ type: 'card-inserted', reader: READER });
  }
  remove(): void {
    this.inserted = null;
    this.pin = PIN;
    this.triesLeft = 3;
    this.emit({ type: 'card-removed', reader: READER });
  }
  private emit(event: CardPortEvent): void {
    this.listeners.forEach((l) => l(event));
  }
}
