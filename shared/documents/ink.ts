/**
 * The neutral colours every exported document uses (hex, no #), whatever the organisation's
 * accent: Word, PDF and filled client templates share them so the three read as one family.
 * Each text colour is at least 4.5:1 on white and on ZEBRA.
 */
export const INK = '1F2328';
export const MUTED = '57606A';
export const RULE = 'D8DEE4';
export const ZEBRA = 'F6F8FA';
export const ALERT = 'B42318';
export const GOOD = '1A7F37';
