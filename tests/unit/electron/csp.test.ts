/**
 * Images reach the page only from the app and as `data:`/`blob:` URLs (the comune's coat of arms
 * comes as a checked `data:` URL): no remote image source in the policy, neither in the header
 * Electron and the browser host send nor in the page's own meta tag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/shared/csp';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

const metaPolicy = () => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(join(__dirname, '../../../renderer/index.html'), 'utf8'))?.[1] ?? '';

describe('CSP: immagini', () => {
  it.each([
    ['intestazione', contentSecurityPolicy(['ws://127.0.0.1:4000'])],
    ['meta della pagina', metaPolicy()],
  ])('%s: img-src solo self, data: e blob:', (_, policy) => {
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
  });
});
