/**
 * The renderer's Content Security Policy. `renderer/index.html` carries the same policy in a
 * meta tag (so the browser preview has it too); the app protocol also sends it as a response
 * header on every HTML document, which additionally enforces `frame-ancestors` (ignored in a
 * meta tag). A unit test keeps the two identical.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
