/** What every route module is given: the portal's state and its clock. */
import type { BackOffice } from './back-office';
import type { Catalogue } from './catalogue-dir';
import type { Faults } from './faults';
import type { PortalDb } from './portal-db';
import type { SessionStore } from './session-store';

/** The image the ente's "Logo url" points to (Ente::$meta `logo`), with the type its web server sends. */
export interface EnteLogo {
  bytes: Buffer;
  contentType: string;
}

export interface PortalContext {
  db: PortalDb;
  dataDir: string;
  catalogue: Catalogue;
  /** Offices, the services they handle, their calendars (back-office.ts). */
  backOffice: BackOffice;
  /** Tokens last this long (seconds). */
  tokenTtlSeconds: number;
  secret: Buffer;
  /** Tokens carry the generation they were issued in; bumping it expires them all at once. */
  tokenGeneration: { value: number };
  adminKey: string;
  faults: { current: Faults };
  /** Externally visible base URL, e.g. http://127.0.0.1:4321 (set once listening). */
  baseUrl: () => string;
  /** The form server's public URL (FORMSERVER_PUBLIC_URL): a host of its own. */
  formServerUrl: () => string;
  /** The web sessions of every server (the card login's and the API's). */
  sessions: SessionStore;
  /** The HTTPS card login's origin (`https://127.0.0.1:<port>`), null without `cnsLogin`. */
  cnsOrigin: () => string | null;
  now: () => Date;
  /** The ente's logo, served at a URL of this portal's (routes/tenant.ts); null: `meta` has no logo. */
  enteLogo: { current: EnteLogo | null };
}
