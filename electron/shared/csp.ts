/**
 * The Content-Security-Policy of the renderer, the same in Electron (response
 * header of the app:// protocol) and in the browser host (HTTP header).
 * Form.io's renderer evaluates form logic (calculateValue, conditionals) with
 * `new Function`, so 'unsafe-eval' is allowed for scripts; everything else is 'self'.
 * Inline styles are needed by Form.io and Bootstrap Italia's components.
 */
export function contentSecurityPolicy(connectSrc: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
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
