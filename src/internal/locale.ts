/**
 * Locale and date formatting. The locale is the nearest `lang` attribute, looking through shadow
 * roots, then the document's, then the browser's. Formatters are cached: building an `Intl`
 * formatter costs far more than using one, and a list formats thousands of dates.
 */

export function resolveLocale(element: Element): string {
  // A server renderer (Lit SSR) has no document, no `Element` and no ancestors to look at.
  if (typeof document === 'undefined') return element.getAttribute('lang') || 'en';
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.closest('[lang]')?.getAttribute('lang');
      if (lang) return lang;
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    } else {
      node = null;
    }
  }
  return document.documentElement.lang || navigator.language || 'en';
}

/**
 * Date formatters by options object, then locale: a lookup is two map reads, with no key to build,
 * because a list of 1,000 tokens asks for one per date it shows. Pass options that live as long as
 * the module (a constant), so the same object finds the same formatter.
 */
const dateTimeFormats = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();
const relativeTimeFormats = new Map<string, Intl.RelativeTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let byLocale = dateTimeFormats.get(options);
  if (!byLocale) dateTimeFormats.set(options, (byLocale = new Map()));
  let format = byLocale.get(locale);
  if (!format) byLocale.set(locale, (format = new Intl.DateTimeFormat(safeLocale(locale), options)));
  return format;
}

export function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeTimeFormats.get(locale);
  if (!format) relativeTimeFormats.set(locale, (format = new Intl.RelativeTimeFormat(safeLocale(locale), { numeric: 'auto' })));
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
