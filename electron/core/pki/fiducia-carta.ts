/**
 * The card's authentication certificate judged with the same CAs and chain check as
 * signatures: trusted when it chains to an anchor and every CA on the way is valid
 * now (the card's own dates are the card layer's refusal, with its own message).
 */
import { X509Certificate } from 'node:crypto';
import { costruisciCatena, primoNonValido } from './catena';
import type { Fiducia } from './fiducia';

export function fiduciaCarta(fiducia: Fiducia, adesso: () => Date): (certificatoDer: Uint8Array) => boolean {
  return (certificatoDer) => {
    const catena = costruisciCatena(new X509Certificate(certificatoDer), [], fiducia.ancore);
    if (catena.ancora === null) return false;
    return primoNonValido(catena.percorso.slice(1), adesso()) === null;
  };
}
