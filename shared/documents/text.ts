/**
 * Text, links, dates, colours and images for exported documents. Pure.
 */
import type { DocumentLanguage, ImageData, TimelineBarKind } from './model';

// ---------------------------------------------------------------------------------------------
// Text

/**
 * Characters no Word part (XML 1.0) can hold and no PDF text should carry: C0/C1 controls except
 * tab and newline, the non-characters U+FFFE/U+FFFF, and lone surrogates (half an emoji).
 */
// eslint-disable-next-line no-control-regex
const INVALID_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Display text that every renderer can write: invalid characters dropped, line ends as `\n`. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVALID_CHARACTERS, '');
}

/** One line: newlines and tabs become spaces, runs of spaces collapse. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** Paragraphs of a long text field: split on blank lines or line ends, empty ones dropped. */
export function paragraphsOf(text: string): string[] {
  return cleanText(text)
    .split(/\n+/)
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Links

const SAFE_LINK = /^(?:https?:\/\/[^\s/?#\\]+[^\s\\]*|mailto:[^\s@]+@[^\s@]+)$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The link target a document may make clickable: http, https or mailto, without spaces or
 * control characters. Anything else (`javascript:`, `file:`, `data:`, a relative path) gives null
 * and is shown as plain text.
 */
export function safeLink(link: string | null | undefined): string | null {
  if (typeof link !== 'string') return null;
  const trimmed = link.trim();
  if (trimmed.length === 0 || trimmed.length > 2_000 || CONTROL.test(trimmed)) return null;
  return SAFE_LINK.test(trimmed) ? trimmed : null;
}

/** How a link reads on paper: without the scheme, and shortened when very long. */
export function linkLabel(link: string, max = 60): string {
  let bare: string;
  if (/^mailto:/i.test(link)) bare = link.slice(7).split('?')[0] ?? '';
  else {
    bare = link.replace(/^https?:\/\//i, '');
    // A long query string says nothing to a reader; the link itself keeps it.
    if (bare.length > max) bare = bare.split(/[?#]/)[0] ?? bare;
    bare = bare.replace(/\/$/, '');
  }
  bare = cleanLine(bare);
  return bare.length <= max ? bare : `${bare.slice(0, max - 1)}…`;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parts(isoDate: string): DateParts | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/** `16 Mar 2026` (en-GB) or `Mar 16, 2026` (en-US); anything that is not a date comes back cleaned. */
export function formatDate(isoDate: string | null | undefined, language: DocumentLanguage, style: 'short' | 'long' = 'short'): string {
  if (!isoDate) return '';
  const date = parts(isoDate);
  if (!date) return cleanLine(isoDate);
  const month = (style === 'long' ? MONTHS_LONG : MONTHS)[date.month - 1]!;
  return language === 'en-US' ? `${month} ${date.day}, ${date.year}` : `${date.day} ${month} ${date.year}`;
}

/** `16 Mar – 10 Jul 2026`, `16 – 20 Mar 2026`, `20 Dec 2026 – 3 Jan 2027` (en-US alike). */
export function formatPeriod(start: string | null, end: string | null, language: DocumentLanguage): string {
  if (!start && !end) return '';
  if (!start || !end || start === end) return formatDate(start ?? end, language);
  const a = parts(start);
  const b = parts(end);
  if (!a || !b) return `${formatDate(start, language)} – ${formatDate(end, language)}`;
  const monthA = MONTHS[a.month - 1]!;
  const monthB = MONTHS[b.month - 1]!;
  if (a.year !== b.year) return `${formatDate(start, language)} – ${formatDate(end, language)}`;
  if (language === 'en-US') {
    return a.month === b.month ? `${monthA} ${a.day} – ${b.day}, ${b.year}` : `${monthA} ${a.day} – ${monthB} ${b.day}, ${b.year}`;
  }
  return a.month === b.month ? `${a.day} – ${b.day} ${monthB} ${b.year}` : `${a.day} ${monthA} – ${b.day} ${monthB} ${b.year}`;
}

/** Short month label for chart axes: `Mar` or `Mar 2026`. */
export function monthLabel(year: number, month: number, withYear: boolean): string {
  const name = MONTHS[month - 1] ?? '';
  return withYear ? `${name} ${year}` : name;
}

// ---------------------------------------------------------------------------------------------
// Numbers

export function formatNumber(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return '';
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  const [whole, fraction] = String(Math.abs(rounded)).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '−' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function formatHours(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return '';
  return `${formatNumber(hours)} h`;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${formatNumber(count, 0)} ${count === 1 ? word : many}`;
}

// ---------------------------------------------------------------------------------------------
// Colours

export const DEFAULT_ACCENT = '1F4E79';

/** `#1f4e79`, `1F4E79` or `#17a` → `1F4E79`; anything else → the default accent. */
export function normaliseColor(color: string | null | undefined, fallback = DEFAULT_ACCENT): string {
  const value = (color ?? '').trim().replace(/^#/, '');
  if (/^[0-9a-f]{6}$/i.test(value)) return value.toUpperCase();
  if (/^[0-9a-f]{3}$/i.test(value)) return value.replace(/./g, (digit) => digit + digit).toUpperCase();
  return fallback;
}

function channel(hex: string, index: number): number {
  return parseInt(hex.slice(index * 2, index * 2 + 2), 16);
}

function toHex(values: readonly number[]): string {
  return values.map((value) => Math.max(0, Math.min(255, Math.round(value))).toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** Mix a colour with white (`amount` 0 = unchanged, 1 = white): table header tints, bar fills. */
export function tint(hex: string, amount: number): string {
  return toHex([0, 1, 2].map((index) => channel(hex, index) + (255 - channel(hex, index)) * amount));
}

/** Mix a colour with black. */
export function shade(hex: string, amount: number): string {
  return toHex([0, 1, 2].map((index) => channel(hex, index) * (1 - amount)));
}

/** WCAG relative luminance. */
function luminance(hex: string): number {
  const linear = [0, 1, 2].map((index) => {
    const value = channel(hex, index) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The accent as text on white must be readable (WCAG AA, 4.5:1): a pale brand colour (a light
 * yellow) is darkened until it is.
 */
export function readableOnWhite(hex: string): string {
  let color = hex;
  for (let step = 0; step < 20 && contrastRatio(color, 'FFFFFF') < 4.5; step++) color = shade(color, 0.12);
  return color;
}

/** White or near-black text, whichever reads better on `hex`. */
export function textOn(hex: string): string {
  return contrastRatio(hex, 'FFFFFF') >= contrastRatio(hex, '1A1A1A') ? 'FFFFFF' : '1A1A1A';
}

// ---------------------------------------------------------------------------------------------
// Images

const MAX_IMAGE_SIDE = 20_000;

/** PNG or JPEG with its pixel size read from the header; anything else (or a damaged header) → null. */
export function imageInfo(bytes: Uint8Array | null | undefined): ImageData | null {
  if (!bytes || bytes.length < 24) return null;
  let size: { width: number; height: number } | null = null;
  let format: ImageData['format'] | null = null;
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    format = 'png';
    size = { width: readUint32(bytes, 16), height: readUint32(bytes, 20) };
  } else if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    format = 'jpeg';
    size = jpegSize(bytes);
  }
  if (!format || !size) return null;
  if (size.width < 1 || size.height < 1 || size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE) return null;
  return { bytes, format, width: size.width, height: size.height };
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) >>> 0) + (bytes[offset + 1]! << 16) + (bytes[offset + 2]! << 8) + bytes[offset + 3]!;
}

function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    const length = (bytes[offset + 2]! << 8) + bytes[offset + 3]!;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (bytes[offset + 5]! << 8) + bytes[offset + 6]!, width: (bytes[offset + 7]! << 8) + bytes[offset + 8]! };
    }
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}

/** A timeline bar's colour (hex, no #): Word and PDF draw the same chart, so they share it. */
export function timelineBarColor(kind: TimelineBarKind, accent: string): string {
  switch (kind) {
    case 'core':
      return accent;
    case 'option':
      return tint(accent, 0.45);
    case 'capstone':
      return shade(accent, 0.35);
    case 'assessment':
      return '8C959F';
    case 'milestone':
    case 'check-in':
      return 'C2410C';
    case 'other':
      return 'AFB8C1';
  }
}
