/**
 * The citizen's TLS login inside Electron, whose Node (BoringSSL) has no OpenSSL engines: the
 * request goes through Chromium's network stack, which signs the handshake with the card through
 * the platform's smart-card stack (Windows: the card's minidriver through CNG; macOS:
 * CryptoTokenKit; Linux: NSS with the card's PKCS#11 module registered in ~/.pki/nssdb).
 *
 * How: a hidden window with no preload, sandboxed, in a session of its own, loads the login URL;
 * `select-client-certificate` picks the card's certificate (by its DER, never "the first one");
 * the portal's answer (a redirect with the session cookie) is read off the response headers and
 * the redirect is not followed. The PIN: Chromium asks the platform for it (Windows and macOS
 * show their own PIN dialog; the one already verified on the card by our PIN screen is usually
 * cached by the middleware for the card session). We cannot hand our PIN to those stacks.
 *
 * UNTESTED here (Electron cannot run on the build machines): reviewed on paper against
 * Electron's documentation of `app.on('select-client-certificate')`, `session.fromPartition`
 * and `webRequest.onHeadersReceived`. The README says what each OS needs.
 */
import { app, BrowserWindow, session, type Certificate, type OnHeadersReceivedListenerDetails } from 'electron';
import { X509Certificate } from 'node:crypto';
import { CnsLoginFailure, type CnsKey, type CnsKeyRequest, type CnsLoginAnswer, type CnsLoginPort } from '../core/ports/cns-login';

const PARTITION = 'cns-login';
const TIMEOUT_MS = 60_000;

/** The certificate Chromium offers that is the card's own: compared by fingerprint. */
function sameCertificate(offered: Certificate, der: Uint8Array): boolean {
  const expected = new X509Certificate(Buffer.from(der)).fingerprint256.replaceAll(':', '').toLowerCase();
  // Electron gives `fingerprint` as "sha256/<base64>"; compare on the PEM it also carries.
  try {
    return new X509Certificate(offered.data).fingerprint256.replaceAll(':', '').toLowerCase() === expected;
  } catch {
    return false;
  }
}

export function createChromiumLogin(): CnsLoginPort {
  let current: CnsKeyRequest | null = null;
  app.on('select-client-certificate', (event, webContents, _url, list, callback) => {
    if (webContents.session !== session.fromPartition(PARTITION)) return;
    event.preventDefault();
    const card = current;
    const chosen = card ? list.find((c) => sameCertificate(c, card.certificateDer)) : undefined;
    // No match: no certificate at all, so the handshake fails rather than sending another person's.
    callback(chosen);
  });

  return {
    async open(card: CnsKeyRequest): Promise<CnsKey> {
      // Only what identifies the card is kept; the PIN is not used here (see the header).
      current = { ...card, pin: '' };
      return {
        login: (url) => loginOnce(url),
        async close() {
          current = null;
          // The card's TLS session must not outlive the card: Chromium would resume it.
          await session.fromPartition(PARTITION).clearAuthCache();
          await session.fromPartition(PARTITION).clearStorageData();
          await session.fromPartition(PARTITION).closeAllConnections();
        },
      };
    },
  };
}

function loginOnce(url: string): Promise<CnsLoginAnswer> {
  const ses = session.fromPartition(PARTITION);
  const win = new BrowserWindow({
    show: false,
    webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  return new Promise<CnsLoginAnswer>((resolve, reject) => {
    const timer = setTimeout(() => finish(new CnsLoginFailure('rete', 'tempo scaduto')), TIMEOUT_MS);
    const finish = (result: CnsLoginAnswer | CnsLoginFailure) => {
      clearTimeout(timer);
      ses.webRequest.onHeadersReceived(null);
      if (!win.isDestroyed()) win.destroy();
      if (result instanceof CnsLoginFailure) reject(result);
      else resolve(result);
    };
    ses.webRequest.onHeadersReceived({ urls: [url.split('?')[0]!] }, (details: OnHeadersReceivedListenerDetails, callback) => {
      const header = (name: string) => Object.entries(details.responseHeaders ?? {}).find(([k]) => k.toLowerCase() === name)?.[1] ?? [];
      // Cancel: the answer is all we need, the redirect is not followed.
      callback({ cancel: true });
      finish({ status: details.statusCode, location: header('location')[0] ?? null, cookies: header('set-cookie') });
    });
    win.webContents.once('did-fail-load', (_e, code, description) => {
      // -3 is our own cancel after the answer; anything else is the handshake or the network.
      if (code === -3) return;
      finish(new CnsLoginFailure(/CERT|SSL/i.test(description) ? 'rifiutato' : 'rete', description));
    });
    void win.loadURL(url);
  });
}
