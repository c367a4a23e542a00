/**
 * What the pratiche repository asks of whoever protects a citizen's draft texts (the form's
 * data, the note, the description): `seal` before a text is written, `open` after it is read. The store knows
 * nothing of keys; on a kiosk the draft vault (pratiche/cassetta-bozze.ts) seals with a key
 * only the citizen's card can give, elsewhere texts are stored as they are.
 */
export interface TextSealer {
  seal(citizenCf: string, text: string): string;
  /** The text; a DomainError when it was sealed and cannot be opened now (the card is not here). */
  open(citizenCf: string, stored: string): string;
}

export const unsealed: TextSealer = { seal: (_cf, text) => text, open: (_cf, stored) => stored };
