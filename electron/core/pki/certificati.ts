/**
 * X.509 certificates as the app reads them: every PEM bundle goes through here, and
 * the few facts a person is shown about a certificate (name, codice fiscale, issuer)
 * are taken the same way for a card and for a signature.
 */
import { X509Certificate } from 'node:crypto';

const BLOCCO_PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate in a PEM text; a damaged block throws (a half-read bundle would trust less than it says). */
export function certificatiDaPem(pem: string): X509Certificate[] {
  return (pem.match(BLOCCO_PEM) ?? []).map((blocco) => new X509Certificate(blocco));
}

/** One attribute of a distinguished name as Node prints it ("C=IT\nO=...\nCN=..."). */
function attributoDn(dn: string, nome: string): string | null {
  for (const riga of dn.split('\n')) {
    const uguale = riga.indexOf('=');
    if (uguale > 0 && riga.slice(0, uguale) === nome) return riga.slice(uguale + 1);
  }
  return null;
}

const CODICE_FISCALE = /\b([A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z])\b/;

/**
 * The holder's codice fiscale: qualified certificates put it in serialNumber as
 * "IT:RSSMRA80A01H501U" (ETSI EN 319 412-1 semantics), CNS certificates in the CN
 * ("RSSMRA80A01H501U/7420...").
 */
export function codiceFiscaleDelTitolare(soggetto: string): string | null {
  const seriale = attributoDn(soggetto, 'serialNumber');
  for (const testo of [seriale, attributoDn(soggetto, 'CN'), soggetto]) {
    const trovato = testo ? CODICE_FISCALE.exec(testo) : null;
    if (trovato) return trovato[1]!;
  }
  return null;
}

/** "Nome Cognome" from GN and SN when present, else the CN without a CNS's codice fiscale part. */
export function nomeDelTitolare(soggetto: string): string {
  const nome = attributoDn(soggetto, 'GN');
  const cognome = attributoDn(soggetto, 'SN');
  if (nome && cognome) return `${nome} ${cognome}`;
  const cn = attributoDn(soggetto, 'CN') ?? soggetto;
  return cn.split('/')[0]!.trim();
}

/** The organisation and common name of an issuer, as a person reads it ("InfoCert Firma Qualificata (INFOCERT SPA)"). */
export function nomeEmittente(dn: string): string {
  const cn = attributoDn(dn, 'CN');
  const o = attributoDn(dn, 'O');
  if (cn && o && !cn.includes(o)) return `${cn} (${o})`;
  return cn ?? o ?? dn;
}
