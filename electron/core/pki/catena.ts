/**
 * Trust in a certificate, in the order a person can rely on: first whether it chains,
 * through the certificates at hand, to an anchor we trust (signatures only, no dates),
 * then whether each certificate of that chain was valid at the instant that matters
 * (now for a card, the signing time for a signature). A certificate that does not
 * chain is "non attendibile" whatever its dates say.
 */
import type { X509Certificate } from 'node:crypto';

/** Longer real chains do not exist (root, intermediate, issuing CA); a loop in hostile input stops here. */
const PROFONDITA_MASSIMA = 8;

export interface Catena {
  /** From the certificate checked to the anchor, both included; without an anchor, as far as it went. */
  readonly percorso: readonly X509Certificate[];
  /** The trusted certificate the chain ends at; null = not trusted. */
  readonly ancora: X509Certificate | null;
}

export type Validita = 'valido' | 'non-ancora-valido' | 'scaduto';

function haEmesso(emittente: X509Certificate, certificato: X509Certificate): boolean {
  try {
    return emittente.ca && certificato.checkIssued(emittente) && certificato.verify(emittente.publicKey);
  } catch {
    return false;
  }
}

function stesso(a: X509Certificate, b: X509Certificate): boolean {
  return a.fingerprint256 === b.fingerprint256;
}

export function costruisciCatena(foglia: X509Certificate, intermedi: readonly X509Certificate[], ancore: readonly X509Certificate[]): Catena {
  const percorso: X509Certificate[] = [foglia];
  let corrente = foglia;
  for (let passo = 0; passo < PROFONDITA_MASSIMA; passo++) {
    const fidato = ancore.find((a) => stesso(a, corrente));
    if (fidato) return { percorso, ancora: fidato };
    const ancora = ancore.find((a) => haEmesso(a, corrente));
    if (ancora) return { percorso: [...percorso, ancora], ancora };
    const intermedio = intermedi.find((i) => !percorso.some((p) => stesso(p, i)) && haEmesso(i, corrente));
    if (!intermedio) break;
    percorso.push(intermedio);
    corrente = intermedio;
  }
  return { percorso, ancora: null };
}

export function validitaAl(certificato: X509Certificate, istante: Date): Validita {
  if (istante < new Date(certificato.validFrom)) return 'non-ancora-valido';
  if (istante > new Date(certificato.validTo)) return 'scaduto';
  return 'valido';
}

/** The first of the certificates (a chain's path) not valid at the instant, with why; null = all valid. */
export function primoNonValido(certificati: readonly X509Certificate[], istante: Date): { certificato: X509Certificate; validita: Exclude<Validita, 'valido'> } | null {
  for (const certificato of certificati) {
    const validita = validitaAl(certificato, istante);
    if (validita !== 'valido') return { certificato, validita };
  }
  return null;
}
