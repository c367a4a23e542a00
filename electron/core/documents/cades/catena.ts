/**
 * Trust in a signer's certificate: valid at the given instant and chained, through the
 * certificates the signature carries, to one in the configured CA bundle.
 */
import { X509Certificate } from 'node:crypto';
import { DomainError } from '../../errors';

const PROFONDITA_MASSIMA = 8;

/** Every certificate in a PEM bundle; anything that is not a certificate is ignored. */
export function caricaBundleCa(pem: string): X509Certificate[] {
  const blocchi = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocchi.map((b) => new X509Certificate(b));
}

function verificaValidita(cert: X509Certificate, al: Date, chi: string): void {
  const dal = new Date(cert.validFrom);
  const fino = new Date(cert.validTo);
  if (al < dal) throw new DomainError('firma.certificato-non-ancora-valido', `Il certificato ${chi} non è ancora valido (valido dal ${dal.toISOString().slice(0, 10)}).`);
  if (al > fino) throw new DomainError('firma.certificato-scaduto', `Il certificato ${chi} è scaduto il ${fino.toISOString().slice(0, 10)}.`);
}

function haEmesso(emittente: X509Certificate, cert: X509Certificate): boolean {
  return emittente.ca && cert.checkIssued(emittente) && cert.verify(emittente.publicKey);
}

export function verificaCatena(foglia: X509Certificate, intermedi: X509Certificate[], fidati: X509Certificate[], al: Date): void {
  verificaValidita(foglia, al, 'del firmatario');
  let corrente = foglia;
  for (let passo = 0; passo < PROFONDITA_MASSIMA; passo++) {
    if (fidati.some((f) => f.fingerprint256 === corrente.fingerprint256)) return;
    const ancora = fidati.find((f) => haEmesso(f, corrente));
    if (ancora) {
      verificaValidita(ancora, al, "dell'autorità di certificazione");
      return;
    }
    const intermedio = intermedi.find((i) => i.fingerprint256 !== corrente.fingerprint256 && haEmesso(i, corrente));
    if (!intermedio) break;
    verificaValidita(intermedio, al, "dell'autorità intermedia");
    corrente = intermedio;
  }
  throw new DomainError(
    'firma.certificato-non-attendibile',
    'Il certificato del firmatario non è stato emesso da un’autorità di certificazione riconosciuta.',
  );
}
