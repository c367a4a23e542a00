/**
 * Signing with the card's own APDUs (MSE + PSO), for machines where no PKCS#11
 * module reads the card. Same shape as core's SignerPort (native/ does not import
 * electron/, so the interface is restated here; TypeScript checks them structurally).
 *
 * The PIN must have been verified in the same card session just before.
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { CardError } from '../apdu/errors';
import { exchange } from '../apdu/exchange';
import { SW_OK, SW_SECURITY_NOT_SATISFIED, swHex } from '../apdu/response';
import type { CardTransport } from '../apdu/transport';
import type { CnsIdentity } from './identify';

export interface CardSigner {
  certificate(): Promise<Uint8Array>;
  signSha256(data: Uint8Array): Promise<Uint8Array>;
}

/** DER prefix of DigestInfo { sha256, NULL } (RFC 8017 9.2 note 1). */
const SHA256_DIGEST_INFO_PREFIX = Uint8Array.from([
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
]);

export function sha256DigestInfo(data: Uint8Array): Uint8Array {
  const digest = createHash('sha256').update(data).digest();
  const out = new Uint8Array(SHA256_DIGEST_INFO_PREFIX.length + digest.length);
  out.set(SHA256_DIGEST_INFO_PREFIX);
  out.set(digest, SHA256_DIGEST_INFO_PREFIX.length);
  return out;
}

/** EMSA-PKCS1-v1_5 block: 00 01 FF..FF 00 DigestInfo, as long as the modulus. */
export function pkcs1Type1Block(digestInfo: Uint8Array, modulusBytes: number): Uint8Array {
  if (digestInfo.length + 11 > modulusBytes) throw new RangeError('DigestInfo too long for the key');
  const block = new Uint8Array(modulusBytes).fill(0xff);
  block[0] = 0x00;
  block[1] = 0x01;
  block[modulusBytes - digestInfo.length - 1] = 0x00;
  block.set(digestInfo, modulusBytes - digestInfo.length);
  return block;
}

export function createApduSigner(transport: CardTransport, identity: CnsIdentity): CardSigner {
  const key = identity.certificate.forge.publicKey as forge.pki.rsa.PublicKey;
  const modulusBytes = Math.ceil(key.n.bitLength() / 8);
  const failed = (sw: number): CardError =>
    sw === SW_SECURITY_NOT_SATISFIED
      ? new CardError('pin-richiesto', 'Per firmare serve prima il PIN della carta.')
      : new CardError('firma-non-riuscita', `La carta non ha firmato (${swHex(sw)}).`);
  return {
    async certificate() {
      return identity.certificate.der.slice();
    },
    async signSha256(data) {
      const restore = await exchange(transport, { cla: 0, ins: 0x22, p1: 0xf3, p2: 0x03 });
      if (restore.sw !== SW_OK) throw failed(restore.sw);
      const setKey = await exchange(transport, {
        cla: 0, ins: 0x22, p1: 0xf1, p2: 0xb8, data: Uint8Array.from([0x83, 0x01, identity.fileMap.keyReference]),
      });
      if (setKey.sw !== SW_OK) throw failed(setKey.sw);
      const block = pkcs1Type1Block(sha256DigestInfo(data), modulusBytes);
      // PSO DECIPHER used as raw RSA: the leading 00 is the padding-indicator byte.
      const payload = new Uint8Array(block.length + 1);
      payload.set(block, 1);
      const reply = await exchange(transport, { cla: 0, ins: 0x2a, p1: 0x80, p2: 0x86, data: payload, le: 256 }, { chaining: true });
      if (reply.sw !== SW_OK) throw failed(reply.sw);
      if (reply.data.length !== modulusBytes) throw new CardError('firma-non-riuscita', 'La carta ha restituito una firma di lunghezza errata.');
      return reply.data.slice();
    },
  };
}
