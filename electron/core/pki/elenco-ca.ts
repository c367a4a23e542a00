/**
 * Writes the shipped CA bundle and its manifest together: the PEM file the app reads
 * and a JSON record of where each certificate came from and when, so a reviewer can
 * tell what the app trusts without parsing certificates.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { X509Certificate } from 'node:crypto';

export interface VoceElenco {
  readonly certificato: X509Certificate;
  /** The trusted list's service type and status, when the certificate came from one. */
  readonly servizio?: { tipo: string; stato: string; fornitore: string };
}

export interface OrigineElenco {
  /** Where the certificates were taken from (a URL, a repository at a commit, a file). */
  readonly fonte: string;
  /** When that source was read (ISO date). */
  readonly recuperatoIl: string;
  readonly note?: string;
  readonly elenco?: { emessoIl: string | null; numeroSequenza: string | null; firmatario: string };
}

export interface EsitoScrittura {
  readonly certificati: number;
  readonly duplicati: number;
}

function riga(dn: string): string {
  return dn.replace(/\n/g, ', ');
}

export function scriviElencoCa(cartella: string, nome: string, voci: readonly VoceElenco[], origine: OrigineElenco): EsitoScrittura {
  const uniche = new Map<string, VoceElenco>();
  for (const voce of voci) if (!uniche.has(voce.certificato.fingerprint256)) uniche.set(voce.certificato.fingerprint256, voce);
  // Sorted, so two refreshes of the same list give the same file and a diff shows only real changes.
  const ordinate = [...uniche.values()].sort((a, b) => riga(a.certificato.subject).localeCompare(riga(b.certificato.subject)) || a.certificato.fingerprint256.localeCompare(b.certificato.fingerprint256));
  const pem = ordinate.map((v) => `# ${riga(v.certificato.subject)}\n${v.certificato.toString().trim()}\n`).join('');
  const manifesto = {
    descrizione: 'Autorità di certificazione di cui Sportello si fida senza configurazione (catena della carta e firme). Generato da `npm run ca`; non modificare a mano.',
    ...origine,
    certificati: ordinate.map((v) => ({
      soggetto: riga(v.certificato.subject),
      sha256: v.certificato.fingerprint256,
      validoDal: new Date(v.certificato.validFrom).toISOString(),
      validoFino: new Date(v.certificato.validTo).toISOString(),
      ...(v.servizio ? { servizio: v.servizio } : {}),
    })),
  };
  writeFileSync(join(cartella, `${nome}.pem`), pem);
  writeFileSync(join(cartella, `${nome}.json`), `${JSON.stringify(manifesto, null, 2)}\n`);
  return { certificati: ordinate.length, duplicati: voci.length - ordinate.length };
}
