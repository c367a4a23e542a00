/**
 * The citizen's login to the portal at home: TLS client authentication with the card's
 * authentication key, as a CNS holder logs in to the real portal (the web server in front
 * of `/auth/login-pat` asks for the card's certificate, PatAuthenticator.php reads it).
 *
 * Two adapters: in Node, OpenSSL's PKCS#11 engine in a process of its own
 * (adapters/cns-login/engine-login.ts); in Electron, Chromium's network stack choosing the
 * card's certificate (electron/main/cns-login-chromium.ts).
 */
export interface CnsLoginPort {
  /**
   * Opens the card's key for TLS. The PIN goes to the key's holder in memory and no further;
   * it was verified on the card just before, so a wrong one never reaches here from the app.
   */
  open(card: CnsKeyRequest): Promise<CnsKey>;
}

export interface CnsKeyRequest {
  /** The reader the card is in, and the card's serial (the PKCS#11 token's serial). */
  readonly reader: string;
  readonly serial: string;
  /** The card's authentication certificate, DER: the one presented to the portal. */
  readonly certificateDer: Uint8Array;
  readonly pin: string;
}

/** What the portal's login answered: a redirect carrying the session cookie when it let us in. */
export interface CnsLoginAnswer {
  readonly status: number;
  readonly location: string | null;
  /** `Set-Cookie` values as sent (name=value; attributes). */
  readonly cookies: readonly string[];
}

export interface CnsKey {
  /** One GET of the login URL over a TLS connection authenticated with the card's key. */
  login(url: string): Promise<CnsLoginAnswer>;
  /** The card left or the session ended: the key is closed and forgotten. */
  close(): Promise<void>;
}

/** Why the key could not be used; the adapters say it in these words, core tells the citizen. */
export class CnsLoginFailure extends Error {
  constructor(
    readonly reason: 'pin-errato' | 'pin-bloccato' | 'carta-assente' | 'non-disponibile' | 'rete' | 'rifiutato',
    message: string,
  ) {
    super(message);
    this.name = 'CnsLoginFailure';
  }
}
