/**
 * The draft vault of a kiosk: a citizen's drafts (the form's data and the note) are sealed
 * with a key that only their card can give, so a draft left at the kiosk to finish later is
 * readable only while that citizen's card is in the reader and its PIN verified; not by the
 * next citizen, not by whoever copies the disk together with the app's keys.
 *
 * The key: right after the PIN, the card signs a fixed challenge (naming the citizen) with its own key, RSA PKCS#1 v1.5, deterministic, so the same card gives
 * the same signature at every visit. HKDF-SHA256 turns it into an AES-256-GCM key, salted with
 * the installation's `bozze` key from the keystore (a card alone, away from this kiosk, opens
 * nothing either). It lives in memory only while the card session is authenticated.
 *
 * The draft's documents (attachments) are sealed with the same key (`documenti`, pratiche/allegati),
 * and so are their names (as texts, store/allegati-repo.ts).
 *
 * A card that cannot sign (a broken middleware) leaves that citizen's drafts protected only
 * by the database's own encryption, and the log says so; the citizen can still work. A new
 * card (another key) cannot open drafts sealed by the old one: they are refused with a message.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from '../errors';
import type { Logger } from '../log/logger';
import type { SignerPort } from '../ports/signer';
import type { FileSealer } from '../store/file-sealer';
import type { TextSealer } from '../store/text-sealer';

/** A stored text that begins so is sealed (JSON and typed notes never begin with a control character). */
const SEALED = '\u0001b1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface CassettaBozze extends TextSealer {
  /** After the PIN: the card signs, the citizen's key is derived. Never throws (see above). */
  unlock(citizenCf: string, signer: SignerPort): Promise<void>;
  /** The card session ended: every key is forgotten. */
  lock(): void;
  /** The same key for a draft's documents (the attachments' files). */
  readonly documenti: FileSealer;
}

const protetta = () =>
  new DomainError('bozza-protetta', "Questa bozza si apre solo con la carta di chi l'ha iniziata: inserisci la carta e verifica il PIN.");

/** nonce | AES-256-GCM body | tag; `aad` binds it to its citizen and to what it is (a text, a document). */
function sigilla(key: Buffer, aad: string, plain: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'latin1'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

function apri(key: Buffer | undefined, aad: string, raw: Uint8Array): Buffer {
  if (!key) throw protetta();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(aad, 'latin1'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw protetta();
  }
}

export function createCassettaBozze(deps: { installationKey: Buffer; log: Logger }): CassettaBozze {
  const keys = new Map<string, Buffer>();
  // The same bytes at every visit: the signature, and so the key, are the same (the salt binds it to this installation).
  const challenge = (cf: string) => createHash('sha256').update(`sportello:bozze:v1:${cf}`).digest();
  return {
    async unlock(cf, signer) {
      try {
        const signature = await signer.signSha256(challenge(cf));
        keys.set(cf, Buffer.from(hkdfSync('sha256', signature, deps.installationKey, `bozze:${cf}`, 32)));
      } catch (error) {
        deps.log.warn('la carta non ha firmato la sfida delle bozze: bozze protette solo dalla cifratura dell\'archivio', { error });
      }
    },
    lock() {
      for (const key of keys.values()) key.fill(0);
      keys.clear();
    },
    seal(cf, text) {
      const key = keys.get(cf);
      if (!key || text === '') return text;
      return SEALED + sigilla(key, cf, Buffer.from(text, 'utf8')).toString('base64');
    },
    open(cf, stored) {
      if (!stored.startsWith(SEALED)) return stored;
      return apri(keys.get(cf), cf, Buffer.from(stored.slice(SEALED.length), 'base64')).toString('utf8');
    },
    documenti: {
      seal(cf, bytes) {
        const key = keys.get(cf);
        return key ? sigilla(key, `documento:${cf}`, bytes) : null;
      },
      open: (cf, sealed) => apri(keys.get(cf), `documento:${cf}`, sealed),
    },
  };
}
