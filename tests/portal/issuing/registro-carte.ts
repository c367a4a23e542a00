/**
 * What the reference issuing system knows: each card's holder, PIN and PUK (a test registers
 * the virtual card it built), and the releases it has made. In memory: a real issuer keeps
 * this in its HSM-backed card management system.
 */
export interface CartaNota {
  seriale: string;
  codiceFiscale: string;
  nome: string;
  pin: string;
  puk: string;
}

export interface RilascioFatto {
  id: string;
  seriale: string;
  codiceFiscale: string;
  operatore: string;
  canale: 'email' | 'sms';
  destinazione: string;
  /** The desk's audit log head sent with the request. */
  testaRegistro: { seq: number; hash: string } | null;
  at: string;
}

export function createRegistroCarte() {
  const carte = new Map<string, CartaNota>();
  const rilasci: RilascioFatto[] = [];
  return {
    register(carta: CartaNota): void {
      if (!/^\d{5}$/.test(carta.pin) || !/^\d{8}$/.test(carta.puk)) throw new Error('PIN di 5 cifre e PUK di 8 cifre');
      carte.set(carta.seriale, carta);
    },
    get: (seriale: string) => carte.get(seriale),
    record: (r: RilascioFatto) => void rilasci.push(r),
    releases: (): readonly RilascioFatto[] => rilasci,
  };
}

export type RegistroCarte = ReturnType<typeof createRegistroCarte>;
