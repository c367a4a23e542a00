/**
 * What the attachments ask of whoever protects a citizen's documents beyond the file store's
 * own encryption: on a kiosk, the draft vault (pratiche/cassetta-bozze.ts) seals a draft's
 * documents with the key only the citizen's card gives, so the next citizen, or whoever copies
 * the disk with the installation's keys, cannot read them. Elsewhere nothing is sealed.
 */
export interface FileSealer {
  /** The sealed bytes, or null when this citizen's key is not here (not a kiosk, or a card that cannot sign). */
  seal(citizenCf: string, bytes: Uint8Array): Buffer | null;
  /** The document; a DomainError when it cannot be opened now (the card is not here, or it is another card). */
  open(citizenCf: string, sealed: Uint8Array): Buffer;
}
