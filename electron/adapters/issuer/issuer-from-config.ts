/**
 * The issuing system an installation is configured with: `issuer` in the configuration, a system
 * of its own with its own address and account. The municipal portal (`portal`) is never taken for
 * it: the portal has no PIN releases. No `issuer`, no issuer: the desk says "servizio di rilascio
 * PIN non configurato".
 */
import type { Config } from '../../core/config/schema';
import { readCredentials } from '../../core/sync/credentials';
import { createHttpIssuer } from './issuing-http';
import type { IssuingPort } from '../../core/desk/issuing-port';

export function issuerFromConfig(config: Config): IssuingPort | null {
  const issuer = config.issuer;
  if (!issuer) return null;
  return createHttpIssuer({ url: issuer.url, credentials: () => readCredentials(issuer.credentials), timeoutMs: issuer.timeoutSeconds * 1000 });
}
