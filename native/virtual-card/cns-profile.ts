/**
 * A CNS (Carta Nazionale dei Servizi) as OpenSC's itacns driver and our own reader
 * expect it: the file layout, a test-CA authentication certificate, PIN/PUK and the
 * authentication key. Everything configurable has a realistic default.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { SW, response } from './apdu';
import { EmulatedCard, type InsHandler } from './card';
import { CNS_ATRS, DEFAULT_CNS_ATR, cnsAtrFacts, type CnsAtrName } from './cns-atrs';
import { encodeDatiPersonali, type DatiPersonali, type LengthHeaderConvention } from './cns-personal-data';
import { CnsPins, type PinState } from './cns-pins';
import { CnsSecurity } from './cns-security';
import { FileSystem, df, ef } from './file-system';
import { TEST_HOLDER, cardKey, createTestCa, issueCitizenCertificate, type TestCa } from '../test-pki';

export interface CnsCardOptions {
  /** A name from CNS_ATRS or the ATR in hex; the CNS version byte sets the key size. */
  readonly atr?: CnsAtrName | string;
  readonly pin?: string;
  readonly puk?: string;
  readonly codiceFiscale?: string;
  readonly surname?: string;
  readonly givenName?: string;
  /** EF_IDCarta, 16 digits. */
  readonly serial?: string;
  /** Overrides of EF_DatiPersonali fields beyond name and codice fiscale. */
  readonly personalData?: Partial<DatiPersonali>;
  readonly personalDataHeader?: LengthHeaderConvention;
  /** Quirk of some lots: SELECT with P2=0C is refused with 6A86. */
  readonly rejectSelectWithoutFci?: boolean;
  /** Issuer of the certificate; a cached test CA by default. */
  readonly ca?: TestCa;
}

export const CNS_DEFAULTS = {
  pin: '12345',
  puk: '12345678',
  codiceFiscale: TEST_HOLDER.codiceFiscale,
  surname: TEST_HOLDER.surname,
  givenName: TEST_HOLDER.givenName,
  serial: TEST_HOLDER.cardSerial,
} as const;

export interface CnsCard {
  readonly card: EmulatedCard;
  readonly atr: Uint8Array;
  readonly serial: string;
  readonly codiceFiscale: string;
  readonly certificatePem: string;
  readonly certificateDer: Uint8Array;
  readonly caCertificatePem: string;
  readonly publicKeyPem: string;
  readonly keyBits: number;
  /** Tries left and verified state, read live from the card. */
  readonly pinState: () => PinState;
}

/** Key reference of the CNS0 authentication key (MSE 83 01 01). */
const AUTH_KEY_REFERENCE = 0x01;
/** The certificate file is larger than the certificate, as on real cards. */
const CERTIFICATE_FILE_SIZE = 2048;

export function createCnsCard(options: CnsCardOptions = {}): CnsCard {
  const facts = cnsAtrFacts(options.atr ?? CNS_ATRS[DEFAULT_CNS_ATR]);
  const serial = options.serial ?? CNS_DEFAULTS.serial;
  if (!/^\d{16}$/.test(serial)) throw new Error('the card serial (EF_IDCarta) is exactly 16 digits');
  const codiceFiscale = (options.codiceFiscale ?? CNS_DEFAULTS.codiceFiscale).toUpperCase();
  const surname = options.surname ?? CNS_DEFAULTS.surname;
  const givenName = options.givenName ?? CNS_DEFAULTS.givenName;
  const ca = options.ca ?? createTestCa();
  const privateKey = cardKey(serial, facts.keyBits);
  const issued = issueCitizenCertificate(ca, { holder: { codiceFiscale, surname, givenName, cardSerial: serial }, key: privateKey });
  if (issued.certificateDer.length > CERTIFICATE_FILE_SIZE) throw new Error('certificate larger than its file');

  const pins = new CnsPins(options.pin ?? CNS_DEFAULTS.pin, options.puk ?? CNS_DEFAULTS.puk);
  const security = new CnsSecurity(
    { reference: AUTH_KEY_REFERENCE, privateKey, modulusBytes: facts.keyBits / 8 },
    () => pins.pinVerified,
  );
  const fileSystem = new FileSystem(
    cnsFileTree(serial, issued.certificateDer, publicKeyDer(privateKey), personalData(options, codiceFiscale, surname, givenName)),
    { rejectSelectWithoutFci: options.rejectSelectWithoutFci ?? false },
    () => pins.pinVerified,
  );
  const handlers = new Map<number, InsHandler>([
    [0xa4, (apdu) => fileSystem.select(apdu)],
    [0xb0, (apdu) => fileSystem.readBinary(apdu)],
    [0x20, (apdu) => pins.verify(apdu)],
    [0x24, (apdu) => pins.change(apdu)],
    [0x2c, (apdu) => pins.resetRetryCounter(apdu)],
    [0x22, (apdu) => security.manageSecurityEnvironment(apdu)],
    [0x2a, (apdu) => security.performSecurityOperation(apdu)],
    [0x88, (apdu) => security.internalAuthenticate(apdu)],
    [0x84, (apdu) => security.getChallenge(apdu)],
    // Writing is the issuer's business: the citizen's card refuses it.
    [0xd6, () => response(SW.SECURITY_STATUS_NOT_SATISFIED)],
  ]);
  const card = new EmulatedCard({
    atr: facts.atr,
    handlers,
    clearVolatileState: () => {
      pins.clearVolatileState();
      security.clearVolatileState();
      fileSystem.reset();
    },
  });
  return {
    card,
    atr: facts.atr,
    serial,
    codiceFiscale,
    certificatePem: issued.certificatePem,
    certificateDer: issued.certificateDer,
    caCertificatePem: ca.certificatePem,
    publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string,
    keyBits: facts.keyBits,
    pinState: () => pins.state,
  };
}

function publicKeyDer(privateKey: KeyObject): Uint8Array {
  return new Uint8Array(createPublicKey(privateKey).export({ type: 'pkcs1', format: 'der' }));
}

function personalData(options: CnsCardOptions, codiceFiscale: string, surname: string, givenName: string): Uint8Array {
  const data: DatiPersonali = {
    issuerCode: '6090',
    issueDate: '01012024',
    expiryDate: '01012030',
    surname,
    givenName,
    birthDate: '01011980',
    sex: 'M',
    height: '',
    codiceFiscale,
    citizenshipCode: '',
    birthMunicipalityCode: 'H501',
    birthCountry: '',
    birthActReference: '',
    residenceMunicipalityCode: 'H501',
    residenceAddress: 'VIA ROMA 1',
    expatriationNotes: '',
    ...options.personalData,
  };
  return encodeDatiPersonali(data, options.personalDataHeader);
}

function cnsFileTree(serial: string, certificate: Uint8Array, publicKey: Uint8Array, datiPersonali: Uint8Array) {
  const certificateFile = new Uint8Array(CERTIFICATE_FILE_SIZE);
  certificateFile.set(certificate);
  return df(0x3f00, [
    df(0x1000, [ef(0x1003, new Uint8Array(Buffer.from(serial, 'ascii')))]),
    df(0x1100, [ef(0x1101, certificateFile), ef(0x1102, datiPersonali)]),
    ef(0x3f01, publicKey),
  ]);
}
