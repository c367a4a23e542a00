/**
 * The CNS authentication key in use: MANAGE SECURITY ENVIRONMENT (restore SE 3,
 * then set the key with 83 01 <ref>), PERFORM SECURITY OPERATION in the two forms
 * middleware sends, INTERNAL AUTHENTICATE and GET CHALLENGE. The private key only
 * works once the PIN was verified in this power session.
 */
import { constants, privateDecrypt, privateEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import { SW, response, type CommandApdu } from './apdu';

export interface CnsKeySlot {
  /** Key reference MSE names (83 01 <ref>): 0x01 for the CNS0 authentication key. */
  readonly reference: number;
  readonly privateKey: KeyObject;
  readonly modulusBytes: number;
}

const RESTORABLE_SE = new Set([0x03]);

export class CnsSecurity {
  private selectedKey: number | undefined;

  constructor(
    private readonly key: CnsKeySlot,
    private readonly pinVerified: () => boolean,
  ) {}

  clearVolatileState(): void {
    this.selectedKey = undefined;
  }

  /** 00 22 F3 <se> (restore) and 00 22 F1|41|81 B6|B8|A4 <83 01 ref> (set). */
  manageSecurityEnvironment(apdu: CommandApdu): Uint8Array {
    if (apdu.p1 === 0xf3) {
      if (!RESTORABLE_SE.has(apdu.p2)) return response(SW.REFERENCE_NOT_FOUND);
      this.selectedKey = undefined;
      return response(SW.OK);
    }
    const setting = apdu.p1 === 0xf1 || apdu.p1 === 0x41 || apdu.p1 === 0x81;
    if (!setting || ![0xb6, 0xb8, 0xa4].includes(apdu.p2)) return response(SW.INCORRECT_P1P2);
    const reference = findKeyReference(apdu.data);
    if (reference === undefined) return response(SW.WRONG_DATA);
    if (reference !== this.key.reference) return response(SW.REFERENCE_NOT_FOUND);
    this.selectedKey = reference;
    return response(SW.OK);
  }

  /** 00 2A 80 86 <00 + block> (decipher used as raw RSA) and 00 2A 9E 9A <DigestInfo or full block>. */
  performSecurityOperation(apdu: CommandApdu): Uint8Array {
    const mode = (apdu.p1 << 8) | apdu.p2;
    if (mode !== 0x8086 && mode !== 0x9e9a) return response(SW.INCORRECT_P1P2);
    const refused = this.refusal();
    if (refused) return refused;
    if (mode === 0x8086) {
      if (apdu.data[0] !== 0x00 || apdu.data.length !== this.key.modulusBytes + 1) return response(SW.WRONG_LENGTH);
      return this.raw(apdu.data.subarray(1));
    }
    return apdu.data.length === this.key.modulusBytes ? this.raw(apdu.data) : this.pkcs1Sign(apdu.data);
  }

  /** 00 88 00 00 <DigestInfo>: a PKCS#1 v1.5 signature of the data. */
  internalAuthenticate(apdu: CommandApdu): Uint8Array {
    const refused = this.refusal();
    return refused ?? this.pkcs1Sign(apdu.data);
  }

  getChallenge(apdu: CommandApdu): Uint8Array {
    if (apdu.le === undefined || apdu.le > 256) return response(SW.WRONG_LENGTH);
    return response(SW.OK, new Uint8Array(randomBytes(apdu.le)));
  }

  private refusal(): Uint8Array | undefined {
    if (!this.pinVerified()) return response(SW.SECURITY_STATUS_NOT_SATISFIED);
    if (this.selectedKey === undefined) return response(SW.CONDITIONS_NOT_SATISFIED);
    return undefined;
  }

  private raw(block: Uint8Array): Uint8Array {
    try {
      const out = privateDecrypt({ key: this.key.privateKey, padding: constants.RSA_NO_PADDING }, block);
      return response(SW.OK, new Uint8Array(out));
    } catch {
      // Input not below the modulus: the card refuses the data.
      return response(SW.WRONG_DATA);
    }
  }

  private pkcs1Sign(digestInfo: Uint8Array): Uint8Array {
    if (digestInfo.length === 0 || digestInfo.length > this.key.modulusBytes - 11) return response(SW.WRONG_LENGTH);
    const out = privateEncrypt({ key: this.key.privateKey, padding: constants.RSA_PKCS1_PADDING }, digestInfo);
    return response(SW.OK, new Uint8Array(out));
  }
}

/** The key reference in a control reference template: tag 83 (or 84), length 1. */
function findKeyReference(data: Uint8Array): number | undefined {
  for (let at = 0; at + 1 < data.length; ) {
    const tag = data[at]!;
    const length = data[at + 1]!;
    if (at + 2 + length > data.length) return undefined;
    if ((tag === 0x83 || tag === 0x84) && length === 1) return data[at + 2];
    at += 2 + length;
  }
  return undefined;
}
