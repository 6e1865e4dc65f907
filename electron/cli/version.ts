/** Kept in step with package.json by a unit test (importing package.json here would bundle it). */
export const APP_VERSION = '0.1.0';
