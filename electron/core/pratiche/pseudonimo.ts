/**
 * What a kiosk keeps of a citizen's sent pratiche once it has forgotten them: rows with the
 * personal data emptied, owned by a pseudonym instead of the codice fiscale, so the citizen
 * who comes back with their card still sees their pratiche and their protocol numbers, while
 * the database alone says nobody's name. The pseudonym is an HMAC of the codice fiscale with
 * a key kept outside the data directory (the keystore): without that key a copied database
 * cannot be matched even against a list of codici fiscali.
 */
import { createHmac } from 'node:crypto';
import type { Keystore } from '../ports/keystore';
import { directoryKey } from '../keystore/directory-key';
import { PREFISSO_PSEUDONIMO } from '../store/oblio-repo';

export type Pseudonimo = (codiceFiscale: string) => string;

export function pseudonimoDi(keystore: Keystore, dataDir: string): Pseudonimo {
  const key = directoryKey(keystore, 'pseudonimi', dataDir);
  return (cf) => PREFISSO_PSEUDONIMO + createHmac('sha256', key).update(cf.toUpperCase()).digest('hex');
}
