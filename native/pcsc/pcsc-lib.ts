/**
 * The slice of the 'pcsclite' binding this adapter uses, typed here because the
 * package's own declarations do not export its interfaces. This file is the only
 * place in the project that loads the binding.
 */
import pcsclite from 'pcsclite';

export interface PcscReaderHandle {
  readonly name: string;
  readonly SCARD_STATE_PRESENT: number;
  readonly SCARD_STATE_MUTE: number;
  readonly SCARD_SHARE_EXCLUSIVE: number;
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_PROTOCOL_T0: number;
  readonly SCARD_PROTOCOL_T1: number;
  readonly SCARD_LEAVE_CARD: number;
  on(event: 'status', listener: (status: { state: number; atr?: Buffer }) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (error: unknown) => void): this;
  removeAllListeners(event?: string): this;
  connect(options: { share_mode: number; protocol?: number }, callback: (error: unknown, protocol: number) => void): void;
  disconnect(disposition: number, callback: (error: unknown) => void): void;
  transmit(data: Buffer, responseLength: number, protocol: number, callback: (error: unknown, response: Buffer) => void): void;
  close(): void;
}

export interface PcscContextHandle {
  on(event: 'reader', listener: (reader: PcscReaderHandle) => void): this;
  on(event: 'error', listener: (error: unknown) => void): this;
  removeAllListeners(event?: string): this;
  close(): void;
}

/**
 * Opens a PC/SC context. Throws synchronously when no PC/SC service runs
 * (SCardEstablishContext fails with 0x8010001D): the caller retries.
 */
export type OpenContext = () => PcscContextHandle;

export const openContext: OpenContext = () => (pcsclite as unknown as () => PcscContextHandle)();

/** PC/SC return codes we act on. */
export const SCARD = {
  E_NO_SERVICE: 0x8010001d,
  E_SERVICE_STOPPED: 0x8010001e,
  E_NO_SMARTCARD: 0x8010000c,
  W_REMOVED_CARD: 0x80100069,
  W_RESET_CARD: 0x80100068,
  W_UNPOWERED_CARD: 0x80100067,
  E_READER_UNAVAILABLE: 0x80100017,
  E_UNKNOWN_READER: 0x80100009,
  E_SHARING_VIOLATION: 0x8010000b,
  E_INVALID_HANDLE: 0x80100003,
  E_NOT_TRANSACTED: 0x80100016,
} as const;

/** The PC/SC code in a binding error ("SCardTransmit error: ...(0x80100069)"), if any. */
export function pcscCodeOf(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /0x([0-9a-fA-F]{8})/.exec(message);
  return match ? Number.parseInt(match[1]!, 16) : undefined;
}
