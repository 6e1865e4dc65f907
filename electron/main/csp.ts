/**
 * The renderer's Content Security Policy. `renderer/index.html` carries the meta-tag part (so
 * the browser preview has it too); the app protocol sends the whole policy as a response header
 * on every HTML document, including `frame-ancestors`, which browsers ignore (and log an error
 * for) in a meta tag. A unit test keeps the two in step.
 */
export const META_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const CONTENT_SECURITY_POLICY = `${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
