/**
 * Secrets kept outside the data directory: whoever copies or edits the data directory
 * (a stolen kiosk disk, another account on a home PC) does not get them. Electron keeps
 * them wrapped by the OS keystore (safeStorage); the browser host and the command line
 * in files only the app's user can read, in a directory of their own.
 */
export interface Keystore {
  /** The 32-byte key of that name: made at first use, the same ever after. */
  key(name: string): Buffer;
  /** A short record kept beside the keys (the audit log's last head), or null. */
  read(name: string): string | null;
  write(name: string, value: string): void;
}
