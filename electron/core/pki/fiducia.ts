/**
 * The CAs the app trusts: the Italian trusted list shipped with the app
 * (ca-italiane.pem, its origin in ca-italiane.json), to which the configuration's
 * `caBundlePath` adds certificates or which it replaces (`caBundleMode`). One place,
 * for the card's authentication certificate and for signatures alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { X509Certificate } from 'node:crypto';
import { DomainError } from '../errors';
import { certificatiDaPem } from './certificati';

/** Next to this file in the tree, next to the bundled main in a build (electron.vite.config.ts copies it). */
export const FILE_CA_ITALIANE = join(__dirname, 'ca-italiane.pem');

export interface OpzioniFiducia {
  readonly caBundlePath: string | null;
  readonly caBundleMode: 'add' | 'replace';
}

export interface Fiducia {
  readonly ancore: readonly X509Certificate[];
  /** For diagnostics: where the anchors came from. */
  readonly origine: string;
}

let italiane: X509Certificate[] | undefined;

/** Parsed once per process: a few hundred certificates take tens of milliseconds. */
export function caItaliane(): X509Certificate[] {
  italiane ??= certificatiDaPem(readFileSync(FILE_CA_ITALIANE, 'utf8'));
  return italiane;
}

function configurate(path: string): X509Certificate[] {
  let certificati: X509Certificate[] = [];
  try {
    certificati = certificatiDaPem(readFileSync(path, 'utf8'));
  } catch {
    // Unreadable file or damaged certificate: the same message as an empty file.
  }
  if (certificati.length === 0) {
    throw new DomainError('configurazione-non-valida', `L'elenco delle autorità di certificazione ${path} non si legge o non contiene certificati.`);
  }
  return certificati;
}

/** Read on each call, so an updated `caBundlePath` file needs no restart. */
export function caricaFiducia(opzioni: OpzioniFiducia): Fiducia {
  if (opzioni.caBundlePath === null) return { ancore: caItaliane(), origine: 'elenco italiano incluso' };
  const aggiunte = configurate(opzioni.caBundlePath);
  if (opzioni.caBundleMode === 'replace') return { ancore: aggiunte, origine: opzioni.caBundlePath };
  return { ancore: [...caItaliane(), ...aggiunte], origine: `elenco italiano incluso e ${opzioni.caBundlePath}` };
}
