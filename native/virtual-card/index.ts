/**
 * Public face of the virtual card: a CNS inserted into a vpcd reader (real pcscd)
 * or reached in-process, with a handle to remove/insert it, inject faults and read
 * its PIN state. See README.md.
 */
import { InProcessTransport } from './in-process';
import { createCnsCard, type CnsCard, type CnsCardOptions } from './cns-profile';
import type { Fault } from './faults';
import type { PinState } from './cns-pins';
import { VpcdLink, type VpcdLinkEvent } from './vpcd-link';

export { CNS_ATRS, type CnsAtrName } from './cns-atrs';
export { CNS_DEFAULTS, createCnsCard, type CnsCard, type CnsCardOptions } from './cns-profile';
export type { Fault } from './faults';
export type { PinState } from './cns-pins';
export { VpcdLink } from './vpcd-link';

export interface VirtualCnsOptions extends CnsCardOptions {
  /** vpcd port of the reader (a test's `acquireSlot().port`). */
  readonly port: number;
  /** Insert right away (default true). insert() resolves once PC/SC applications can connect to the card. */
  readonly inserted?: boolean;
  /** Keep putting the card back if vpcd goes away (pcscd restart): for long demo sessions. */
  readonly autoReconnect?: boolean;
  readonly onEvent?: (event: VpcdLinkEvent) => void;
}

export interface VirtualCnsHandle {
  readonly port: number;
  readonly atr: Uint8Array;
  readonly serial: string;
  readonly codiceFiscale: string;
  readonly certificatePem: string;
  readonly caCertificatePem: string;
  readonly publicKeyPem: string;
  /** Live PIN state: tries left for PIN and PUK, whether the PIN is verified now. */
  readonly state: PinState;
  readonly inserted: boolean;
  insert(): Promise<void>;
  remove(): Promise<void>;
  /** Applies a fault to the following APDUs; `undefined` clears it. */
  setFault(fault: Fault | undefined): void;
  /** Removes the card for good (same as remove(); named for afterEach hooks). */
  stop(): Promise<void>;
}

export async function startVirtualCns(options: VirtualCnsOptions): Promise<VirtualCnsHandle> {
  const cns = createCnsCard(options);
  const link = new VpcdLink(cns.card, {
    port: options.port,
    autoReconnect: options.autoReconnect ?? false,
    waitUntilPowered: true,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  if (options.inserted ?? true) await link.insert();
  return {
    ...identity(cns),
    port: options.port,
    get state() {
      return cns.pinState();
    },
    get inserted() {
      return link.inserted;
    },
    insert: () => link.insert(),
    remove: () => link.remove(),
    setFault: (fault) => link.faults.set(fault),
    stop: () => link.remove(),
  };
}

export interface InProcessCns extends Omit<VirtualCnsHandle, 'port' | 'insert' | 'remove' | 'stop'> {
  /** A CardTransport to hand to the reading side; starts inserted. */
  readonly transport: InProcessTransport;
  insert(): void;
  remove(): void;
}

/** The same CNS without pcscd: for pure unit tests and demos. */
export function createInProcessCns(options: CnsCardOptions = {}): InProcessCns {
  const cns = createCnsCard(options);
  const transport = new InProcessTransport(cns.card);
  transport.insert();
  return {
    ...identity(cns),
    transport,
    get state() {
      return cns.pinState();
    },
    get inserted() {
      return transport.inserted;
    },
    insert: () => transport.insert(),
    remove: () => transport.remove(),
    setFault: (fault) => transport.faults.set(fault),
  };
}

function identity(cns: CnsCard) {
  return {
    atr: cns.atr,
    serial: cns.serial,
    codiceFiscale: cns.codiceFiscale,
    certificatePem: cns.certificatePem,
    caCertificatePem: cns.caCertificatePem,
    publicKeyPem: cns.publicKeyPem,
  };
}
