/**
 * The identity session: card in -> read and cross-checked (identificata) -> PIN
 * verified (autenticata); card out -> the session ends and everything read from
 * the card is dropped at once. Every transition is published as `card.session`,
 * reader changes as `card.reader`.
 *
 * The PIN passes through `verifyPin` as an argument and goes straight to the port:
 * it is never stored, logged or kept in a field.
 */
import type { EventBus } from '../api/event-bus';
import type { Events } from '../../shared/contract';
import type { CardReaderStatus, CardSession } from '../../shared/contract/card';
import { DomainError, isUserFacing } from '../errors';
import type { Logger } from '../log/logger';
import type { CardIdentity, CardPinStatus, CardPort, CardPortEvent } from '../ports/card';
import type { SignerPort } from '../ports/signer';

const EMPTY: CardSession = { state: 'nessuna-carta', reader: null, titolare: null, carta: null, error: null };

const READ_FAILED = { code: 'carta-non-leggibile', message: 'La carta non si legge: reinseriscila; se si ripete, rivolgiti allo sportello.' } as const;

function noCard(): DomainError {
  return new DomainError('carta-assente', 'Inserisci la carta nel lettore.');
}

export class IdentitySession {
  private session: CardSession = EMPTY;
  private identity: CardIdentity | null = null;
  /** Bumped at every card in/out, so a reading that finishes after the card left is discarded. */
  private generation = 0;
  private unsubscribe: (() => void) | undefined;
  private authenticatedHook: ((identity: CardIdentity, signer: SignerPort) => Promise<void>) | undefined;
  private pinHook: ((identity: CardIdentity, reader: string, pin: string) => void) | undefined;
  private cardNeededHook: (() => Promise<void>) | undefined;

  constructor(
    private readonly port: CardPort,
    private readonly bus: Pick<EventBus<Events>, 'emit'>,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.unsubscribe = this.port.onEvent((event) => this.onPortEvent(event));
    this.port.start();
    this.publishReaders();
    this.publish(EMPTY);
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.wipe();
    await this.port.stop();
  }

  /** The identity of the card in the reader, for flows that need it (pratiche, signing). */
  current(): { identity: CardIdentity; authenticated: boolean; reader: string } | null {
    if (!this.identity || !this.session.reader) return null;
    return { identity: this.identity, authenticated: this.session.state === 'autenticata', reader: this.session.reader };
  }

  async pinStatus(): Promise<CardPinStatus> {
    const reader = this.requireReader();
    await this.cardNeeded();
    return this.port.pinStatus(reader);
  }

  async verifyPin(pin: string): Promise<CardSession> {
    const reader = this.requireIdentified();
    const generation = this.generation;
    await this.cardNeeded();
    await this.port.verifyPin(reader, pin);
    if (generation !== this.generation) throw noCard();
    // Before the session says "autenticata": whatever the hook prepares is there for the first call.
    if (this.authenticatedHook && this.identity) await this.authenticatedHook(this.identity, this.port.signer(reader));
    if (generation !== this.generation) throw noCard();
    this.publish({ ...this.session, state: 'autenticata', ...(this.identity ? sessionData(this.identity, true) : {}) });
    this.log.info('PIN verificato', { reader });
    if (this.pinHook && this.identity) this.pinHook(this.identity, reader, pin);
    return this.session;
  }

  /**
   * Runs right after each verified PIN, in the same card session, before the session is
   * published as authenticated (the kiosk's draft vault derives the citizen's key here).
   * The hook must not throw.
   */
  onAuthenticated(hook: (identity: CardIdentity, signer: SignerPort) => Promise<void>): void {
    this.authenticatedHook = hook;
  }

  /**
   * At home, the verified PIN opens the card's key for the citizen's login to the portal
   * (sync/accesso-carta.ts), so the citizen types it once. The hook takes it as an argument and
   * hands it to the key's holder; it must not keep it, and must not throw.
   */
  onPinVerified(hook: (identity: CardIdentity, reader: string, pin: string) => void): void {
    this.pinHook = hook;
  }

  /**
   * Runs before the app itself speaks to the card: at home, the portal login's hold on the card
   * (OpenSC's, through the card's key) is released first, or the card would be "in use".
   */
  onCardNeeded(hook: () => Promise<void>): void {
    this.cardNeededHook = hook;
  }

  private async cardNeeded(): Promise<void> {
    await this.cardNeededHook?.();
  }

  /**
   * Ends the citizen's authenticated session while the card stays in the reader (Esci, idle
   * timeout on a kiosk): core stops answering for that citizen until the PIN is verified again.
   */
  endSession(): CardSession {
    if (this.session.state === 'autenticata') {
      // Back to the name only: the next person at the kiosk sees no more than the PIN screen shows.
      this.publish({ ...this.session, state: 'identificata', ...(this.identity ? sessionData(this.identity, false) : {}) });
      this.log.info('sessione chiusa dal cittadino', { reader: this.session.reader });
    }
    return this.session;
  }

  /** The card's signer, for a signature right after `verifyPin` in the same card session. */
  signer(): SignerPort {
    const signer = this.port.signer(this.requireIdentified());
    return {
      certificate: async () => (await this.cardNeeded(), signer.certificate()),
      signSha256: async (data) => (await this.cardNeeded(), signer.signSha256(data)),
    };
  }

  async changePin(pin: string, newPin: string): Promise<void> {
    const reader = this.requireIdentified();
    await this.cardNeeded();
    await this.port.changePin(reader, pin, newPin);
    this.log.info('PIN cambiato');
  }

  async unblockPin(puk: string, newPin: string): Promise<void> {
    const reader = this.requireReader();
    await this.cardNeeded();
    await this.port.unblockPin(reader, puk, newPin);
    this.log.info('PIN sbloccato con il PUK');
  }

  private requireReader(): string {
    if (!this.session.reader) throw noCard();
    return this.session.reader;
  }

  private requireIdentified(): string {
    const reader = this.requireReader();
    if (this.session.state !== 'identificata' && this.session.state !== 'autenticata') {
      throw new DomainError('carta-non-identificata', 'La carta non è ancora stata letta: attendi o reinseriscila.');
    }
    return reader;
  }

  private onPortEvent(event: CardPortEvent): void {
    switch (event.type) {
      case 'card-inserted':
        if (!this.session.reader) void this.read(event.reader);
        break;
      case 'card-removed':
      case 'reader-removed':
        if (this.session.reader === event.reader) {
          this.wipe();
          this.publish(EMPTY);
          this.log.info('carta rimossa: sessione chiusa', { reader: event.reader });
          this.readNextCard();
        }
        break;
      case 'service':
        if (!event.available && this.session.reader) {
          this.wipe();
          this.publish(EMPTY);
        }
        break;
      default:
        break;
    }
    this.publishReaders();
  }

  /** Another reader may hold a card already (desks with two readers). */
  private readNextCard(): void {
    const next = this.port.readers().find((r) => r.cardPresent);
    if (next) void this.read(next.name);
  }

  private async read(reader: string): Promise<void> {
    const generation = ++this.generation;
    this.publish({ ...EMPTY, state: 'lettura', reader });
    try {
      const identity = await this.port.identify(reader);
      if (generation !== this.generation) return;
      this.identity = identity;
      this.publish({ state: 'identificata', reader, ...sessionData(identity, false), error: null });
      this.log.info('carta identificata', { reader, tipo: identity.tipo });
    } catch (error) {
      if (generation !== this.generation) return;
      const shown = isUserFacing(error) ? { code: error.code, message: error.message } : READ_FAILED;
      if (shown.code === 'carta-rimossa') return;
      if (!isUserFacing(error)) this.log.error('lettura carta non riuscita', { reader, error });
      this.publish({ ...EMPTY, state: 'rifiutata', reader, error: shown });
      this.log.warn('carta rifiutata', { reader, code: shown.code });
    }
  }

  private wipe(): void {
    this.generation++;
    this.identity = null;
    this.session = EMPTY;
  }

  private publish(session: CardSession): void {
    this.session = session;
    this.bus.emit('card.session', session);
  }

  private readerStatus(): CardReaderStatus {
    return { service: this.port.serviceAvailable() ? 'disponibile' : 'non-disponibile', readers: this.port.readers() };
  }

  private publishReaders(): void {
    this.bus.emit('card.reader', this.readerStatus());
  }
}

/** What a session shows of the card: the holder's name only until the PIN is verified. */
function sessionData(identity: CardIdentity, authenticated: boolean): Pick<CardSession, 'titolare' | 'carta'> {
  if (!authenticated) {
    return {
      titolare: { codiceFiscale: null, nome: identity.nome, cognome: identity.cognome, dataNascita: null, sesso: null, comuneResidenza: null, indirizzoResidenza: null },
      carta: null,
    };
  }
  return {
    titolare: {
      codiceFiscale: identity.codiceFiscale,
      nome: identity.nome,
      cognome: identity.cognome,
      dataNascita: identity.dataNascita,
      sesso: identity.sesso,
      comuneResidenza: identity.comuneResidenza,
      indirizzoResidenza: identity.indirizzoResidenza,
    },
    carta: {
      seriale: identity.seriale,
      scadenza: identity.scadenza,
      tipo: identity.tipo,
      certificato: {
        emittente: identity.certificato.emittente,
        validoDal: identity.certificato.validoDal.toISOString(),
        validoAl: identity.certificato.validoAl.toISOString(),
      },
    },
  };
}
