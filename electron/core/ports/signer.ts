/**
 * What signing a document needs from a card, whichever way the card is reached:
 * a PKCS#11 module (native/pkcs11), the card's own APDUs over PC/SC (native/cns),
 * or a software key in unit tests.
 */
export interface SignerPort {
  /** The signer's certificate, DER. */
  certificate(): Promise<Uint8Array>;
  /**
   * RSA PKCS#1 v1.5 signature of `data` with SHA-256 (CKM_SHA256_RSA_PKCS semantics:
   * the signer hashes). The PIN was verified just before by the caller's flow.
   */
  signSha256(data: Uint8Array): Promise<Uint8Array>;
}
