/**
 * What core needs from the card layer. Core (the identity session) sees only this;
 * the adapter over PC/SC, the CNS profile and PKCS#11 lives in
 * electron/adapters/card/native-card-port.ts and is reached through its factory.
 */
import type { SignerPort } from './signer';

export type CardPortEvent =
  | { readonly type: 'service'; readonly available: boolean }
  | { readonly type: 'reader-added' | 'reader-removed'; readonly reader: string }
  | { readonly type: 'card-inserted'; readonly reader: string }
  | { readonly type: 'card-removed'; readonly reader: string };

/**
 * The citizen as core knows them, wherever they come from (the card, or a codice fiscale typed at
 * a desk): what pratiche are filed under, what profiles keep and what the signed module names.
 * Named as the card's identity names them: a `CardIdentity` is a `Cittadino`, with no mapping.
 */
export interface Cittadino {
  readonly codiceFiscale: string;
  readonly nome: string;
  readonly cognome: string;
  /** ISO date (YYYY-MM-DD), null when the card leaves it empty or nobody read a card. */
  readonly dataNascita: string | null;
}

/** The citizen's fields of a card's identity, without the card's own (serial, certificate...). */
export const cittadinoDi = ({ codiceFiscale, nome, cognome, dataNascita }: Cittadino): Cittadino => ({ codiceFiscale, nome, cognome, dataNascita });

/** What a card says about its holder, already cross-checked (certificate, serial, CA). */
export interface CardIdentity extends Cittadino {
  readonly sesso: 'M' | 'F' | null;
  /** As the card stores them: a CNS writes the comune's cadastral code (anagrafe/comuni names it). */
  readonly comuneNascita: string;
  readonly comuneResidenza: string;
  readonly indirizzoResidenza: string;
  readonly seriale: string;
  readonly scadenza: string | null;
  /** e.g. "CNS 1.1 (STIncard)". */
  readonly tipo: string;
  readonly certificato: {
    readonly der: Uint8Array;
    readonly emittente: string;
    readonly validoDal: Date;
    readonly validoAl: Date;
  };
}

export interface CardPinStatus {
  readonly triesLeft: number | null;
  readonly blocked: boolean;
  readonly pukTriesLeft: number | null;
  readonly pukBlocked: boolean;
}

export interface CardPort {
  start(): void;
  stop(): Promise<void>;
  serviceAvailable(): boolean;
  readers(): { name: string; cardPresent: boolean }[];
  onEvent(listener: (event: CardPortEvent) => void): () => void;
  identify(reader: string): Promise<CardIdentity>;
  pinStatus(reader: string): Promise<CardPinStatus>;
  /** One attempt, never repeated by the port. */
  verifyPin(reader: string, pin: string): Promise<void>;
  changePin(reader: string, pin: string, newPin: string): Promise<void>;
  unblockPin(reader: string, puk: string, newPin: string): Promise<void>;
  /**
   * Signs with the card in `reader` using its own APDUs (MSE + PSO), after
   * verifyPin in the same card session. Signing through a PKCS#11 module needs the
   * PIN at signing time: native/pkcs11's signer serves that flow.
   */
  signer(reader: string): SignerPort;
}

export interface CardPortOptions {
  readonly readerNameFilter: string | null;
  /** Whether a card certificate (DER) chains to a trusted CA (electron/core/pki); null = not checked. */
  readonly trusts: ((certificateDer: Uint8Array) => boolean) | null;
  /** Validity of certificates is checked against this time. */
  readonly now: () => Date;
}

export type CardPortFactory = (options: CardPortOptions) => CardPort;
