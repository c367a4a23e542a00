/**
 * The Content-Security-Policy of the renderer, the same in Electron (response
 * header of the app:// protocol) and in the browser host (HTTP header).
 * No 'unsafe-eval': forms' logic runs in a WebAssembly interpreter (shared/form-logic), for
 * which 'wasm-unsafe-eval' lets the page compile WebAssembly and nothing else; everything
 * else is 'self'.
 * Inline styles are needed by Form.io and Bootstrap Italia's components.
 */
export function contentSecurityPolicy(connectSrc: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connectSrc.length ? ' ' + connectSrc.join(' ') : ''}`,
    "object-src 'none'",
    "frame-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
