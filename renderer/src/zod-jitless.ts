/**
 * Must be the first import of every renderer entry point (main.tsx, the memory twin).
 *
 * zod 4 compiles fast object parsers with `new Function` when it can. The renderer's CSP has no
 * 'unsafe-eval', so zod's probe is refused, and Chromium logs a CSP violation each start; worse,
 * if the schemas are created before the CSP applies (a script injected ahead of the page's
 * <meta> CSP), zod decides it may compile and every parse then throws. Parsing without JIT
 * avoids both; the renderer parses little, so speed does not suffer.
 */
import { config } from 'zod';

config({ jitless: true });
