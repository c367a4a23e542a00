/** JSON Web Tokens with the claims the real portal puts in them (tokens.ts); OURS: HS256 instead of its RS256. */
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64 = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export interface TokenClaims {
  /** The portal's tokens carry the account's roles (tokens.ts); the issuing system's do not. */
  roles?: string[];
  id: string;
  username: string;
  tenant_id: string;
  iat: number;
  exp: number;
  /** Issuing generation: the test portal's way to expire every token at once. */
  gen: number;
}

export function signToken(claims: TokenClaims, secret: Buffer): string {
  const head = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** The claims of a well-signed token, or null (bad signature, malformed). Expiry is the caller's check. */
export function verifyToken(token: string, secret: Buffer): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, sig] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
    return typeof claims.id === 'string' && typeof claims.exp === 'number' ? claims : null;
  } catch {
    return null;
  }
}
