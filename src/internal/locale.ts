/**
 * The locale of an element and the `Intl` objects that format for it. The locale is the nearest
 * `lang` attribute, looking through shadow roots, then the document's, then the browser's.
 * Building an `Intl` formatter costs far more than using one, so they are kept in one small cache
 * shared by every element: a page uses a handful of locales and formats, and a bound keeps a page
 * that switches language many times from growing.
 */

/** The nearest `lang` through shadow roots; without a DOM (server rendering) the host's own, or English. */
export function langOf(element: Element): string {
  let node: Element | null = element;
  while (node && typeof node.closest === 'function') {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang) return lang;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  if (typeof document === 'undefined') return element.getAttribute?.('lang') || 'en';
  return document.documentElement.lang || navigator.language || 'en';
}

/**
 * An exact moment, to the minute, with its time zone: a page is read across zones, and "9:00"
 * alone is a guess. (`dateStyle` cannot be combined with `timeZoneName`.)
 */
export const DATE_TIME_ZONE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

const CACHE_SIZE = 24;
const cache = new Map<string, object>();

type IntlConstructor<T> = new (locale: string | undefined, options: object) => T;

/** A formatter from the cache; the least recently used one leaves first (a hit moves to the end). */
function cached<T extends object>(Format: IntlConstructor<T>, locale: string, options: object = {}): T {
  const key = `${Format.name}|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as T | undefined;
  if (format) cache.delete(key);
  else format = new Format(safeLocale(locale), options);
  cache.set(key, format);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return format;
}

/** An invalid `lang` value must not break rendering: it falls back to the browser's locale. */
function safeLocale(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) => cached(Intl.DateTimeFormat, locale, options);
export const numberFormat = (locale: string) => cached(Intl.NumberFormat, locale);
export const pluralRules = (locale: string) => cached(Intl.PluralRules, locale);
const relativeTimeFormat = (locale: string) => cached(Intl.RelativeTimeFormat, locale, { numeric: 'auto' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "in 2 hours", "now": the largest unit that fits, like GitHub's relative-time. */
export function formatRelative(locale: string, date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  const format = relativeTimeFormat(locale);
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.trunc(diff / ms), unit);
  }
  return format.format(0, 'second');
}

/** Whole calendar days from `now` to `date` in local time (negative when past). */
export function daysBetween(now: Date, date: Date): number {
  const start = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const end = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((end - start) / 86_400_000);
}
