/**
 * Matching keys for text typed by people in spreadsheets: "SKILLED.", "Skilled" and " skilled "
 * are the same level; "E-mail" and "email" the same column; "Hannah O’Connor" and
 * "hannah o'connor" the same person.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Lower case, accents dropped, "&" read as "and", every run of punctuation or space removed.
 * Falls back to the trimmed lower-case text when nothing would be left (a level called "-").
 */
export function matchKey(text: string): string {
  const lowered = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(/&/g, ' and ');
  const key = lowered.replace(NOT_LETTER_OR_DIGIT, '');
  return key !== '' ? key : text.trim().toLowerCase();
}

/** Trimmed, inner whitespace (including newlines from quoted cells) collapsed to single spaces. */
export function cleanCell(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
