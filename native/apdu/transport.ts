/**
 * The one seam between card logic and whatever carries APDUs: a PC/SC reader
 * (native/pcsc), an in-process virtual card (native/virtual-card) or a test double.
 * Card profiles (native/cns) only ever see this interface, so they stay pure and
 * testable without a daemon.
 */
export interface CardTransport {
  /** Sends one command APDU and resolves with the full response (data + SW1 SW2). */
  transmit(command: Uint8Array): Promise<Uint8Array>;
  /** The card's Answer To Reset, as read when the card was connected. */
  readonly atr: Uint8Array;
}

/**
 * A transport that can group several APDUs so no other application talks to the
 * card in between (SCardBeginTransaction / SCardEndTransaction on PC/SC).
 */
export interface TransactionalTransport extends CardTransport {
  transaction<T>(work: (transport: CardTransport) => Promise<T>): Promise<T>;
}
