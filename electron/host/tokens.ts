/**
 * The tokens that let a page drive the browser host.
 *
 * A launch token opens the app once. It travels in a URL, and a URL is printed to a terminal
 * and kept in the browser's history (the page removes it from the address bar, but Chromium
 * has already recorded it), so once a page has used it, it must be worth nothing to whoever
 * finds it later. The page that used it gets a page token (its session key) in exchange, which
 * the tab keeps in sessionStorage for its reconnections and reloads.
 *
 * A page token lasts until that page reloads itself for the next citizen and asks for a new
 * one (FRESH_PAGE_CALL): then the old one is dropped.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens of each kind kept at once: a few open pages and unopened URLs are the norm; the oldest go first. */
const KEPT = 16;

export type Admission = { token: string; launched: boolean } | { refused: 'launch-token-spent' | 'unknown' };

export interface TokenBook {
  /** A new launch token, for one page to open the app with. */
  mintLaunch(): string;
  /**
   * The page token a connection presenting this token may use, or why it may not connect.
   * `pageOnly` (the file connection): a launch token is not accepted, nor spent.
   */
  admit(presented: string, options?: { pageOnly?: boolean }): Admission;
  /** A new page token in place of `old`, which stops working. */
  replace(old: string): string;
}

const newToken = (): string => randomBytes(24).toString('hex');

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Adds a token to a bounded list, dropping the oldest beyond KEPT. */
function keep(list: string[], token: string): void {
  list.push(token);
  if (list.length > KEPT) list.shift();
}

function take(list: string[], presented: string): string | undefined {
  const index = list.findIndex((t) => sameToken(presented, t));
  return index < 0 ? undefined : list.splice(index, 1)[0];
}

export function createTokenBook(): TokenBook {
  const launchTokens: string[] = [];
  // Remembered only to tell, in the log, a replayed launch URL from a wrong token.
  const spentLaunchTokens: string[] = [];
  const pageTokens: string[] = [];
  return {
    mintLaunch() {
      const token = newToken();
      keep(launchTokens, token);
      return token;
    },
    admit(presented, options = {}) {
      const launch = options.pageOnly ? undefined : take(launchTokens, presented);
      if (launch !== undefined) {
        keep(spentLaunchTokens, launch);
        const session = newToken();
        keep(pageTokens, session);
        return { token: session, launched: true };
      }
      const page = pageTokens.find((t) => sameToken(presented, t));
      if (page !== undefined) return { token: page, launched: false };
      return { refused: spentLaunchTokens.some((t) => sameToken(presented, t)) ? 'launch-token-spent' : 'unknown' };
    },
    replace(old) {
      take(pageTokens, old);
      const fresh = newToken();
      keep(pageTokens, fresh);
      return fresh;
    },
  };
}
