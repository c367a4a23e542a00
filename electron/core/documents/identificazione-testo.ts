/**
 * The one sentence module and receipt carry for a pratica a desk operator sent for a citizen
 * without the card's signature: the desk's identification stands in for it, so both say how.
 */
export interface IdentificazioneTesto {
  operatore: string;
  /** The type as the desk names it ("Carta d'identità"). */
  documento: string;
  numero: string;
}

/** "Identificato con carta d'identità n. CA1234567, dall'operatore Mario Bianchi" */
export function identificazioneTesto(i: IdentificazioneTesto): string {
  const documento = i.documento.charAt(0).toLowerCase() + i.documento.slice(1);
  return `Identificato con ${documento} n. ${i.numero}, dall'operatore ${i.operatore}`;
}
