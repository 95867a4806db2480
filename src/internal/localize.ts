/**
 * One localization layer for every element. The strings an element shows are, from bottom to top:
 * the English defaults, the registered locale of its nearest `lang` (the exact tag, then the
 * language alone), and the host's own `strings` property. Counts pick their plural form with
 * `Intl.PluralRules`; dates and numbers are formatted for the same `lang`.
 *
 * A `lang` change anywhere on the page re-renders the elements it concerns. One MutationObserver
 * serves the whole page: it starts when the first element connects and stops when the last one
 * leaves, and it watches the document and the shadow roots the elements live in (a `lang` set
 * inside another component counts too). Nothing touches the DOM before an element connects, so
 * the classes can be constructed where there is none (server rendering).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dateTimeFormat, formatRelative, langOf, numberFormat, pluralRules } from './locale.js';
import { memo } from './memo.js';
import { defaultStrings, type PatStrings, type PluralKey, type TextKey } from './pat-strings.js';
import { fill, type PluralString } from './strings.js';

type LocalizedHost = ReactiveControllerHost & HTMLElement & { strings: Partial<PatStrings> | undefined };

const locales = new Map<string, Partial<PatStrings>>();
/** Bumped on every registration, so merged strings are rebuilt once rather than checked per key. */
let registrations = 0;
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

/**
 * Registers the strings of a locale, used by every element whose nearest `lang` is `tag` (or, for
 * a tag with a region, its language: `pt` serves `pt-PT` unless `pt-PT` is registered itself).
 * The locale modules (`pat-elements/locales/de`, …) call this when imported; elements already on
 * the page re-render.
 */
export function registerLocale(tag: string, strings: Partial<PatStrings>): void {
  locales.set(tag.toLowerCase(), strings);
  registrations += 1;
  for (const controller of connected) controller.host.requestUpdate();
}

/** The registered strings for a `lang` value: the exact tag, then the language alone. */
function registeredFor(lang: string): Partial<PatStrings> | undefined {
  const tag = lang.toLowerCase();
  return locales.get(tag) ?? locales.get(tag.split('-')[0]!);
}

/**
 * The defaults with each layer on top, key by key. A value of the wrong kind (a string where a
 * plural is expected, an object without `other`, a number) is ignored, so a host's typo or an
 * outdated override shows the string underneath rather than "undefined".
 */
export function mergeStrings(...layers: (Partial<PatStrings> | undefined)[]): PatStrings {
  const merged: Record<string, unknown> = { ...defaultStrings };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, base] of Object.entries(defaultStrings)) {
      const value = (layer as Record<string, unknown>)[key];
      if (typeof base === 'string' ? typeof value === 'string' : typeof (value as PluralString | undefined)?.other === 'string') {
        merged[key] = value;
      }
    }
  }
  return merged as unknown as PatStrings;
}

function lookForLangChanges(host: Element): void {
  const options: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };
  if (!observer) {
    observer = new MutationObserver(() => connected.forEach((controller) => controller.langMayHaveChanged()));
    observer.observe(document.documentElement, options);
  }
  // A `lang` inside a shadow root is not in the document's subtree: watch each root the host is in.
  for (let root = host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    observer.observe(root, options);
  }
}

export class LocalizeController implements ReactiveController {
  readonly host: LocalizedHost;
  #lang: string | undefined;
  readonly #strings = memo<PatStrings>();

  constructor(host: LocalizedHost) {
    this.host = host;
    host.addController(this);
  }

  /** The `lang` that applies to the host (the nearest one, through shadow roots). */
  get lang(): string {
    return (this.#lang ??= langOf(this.host));
  }

  /**
   * The host's strings, merged. The same object until the locale, the registered locales or the
   * host's `strings` change, so it can key a `guard` or a memo.
   */
  get strings(): PatStrings {
    return this.#strings([this.lang, this.host.strings, registrations], () => mergeStrings(registeredFor(this.lang), this.host.strings));
  }

  /** A string with its `{placeholders}` filled; numbers are formatted for the locale. */
  term(key: TextKey, values?: Record<string, string | number>): string {
    return this.fill(this.strings[key], values);
  }

  /** The plural form of a string for `count` (also available as `{count}` unless given). */
  plural(key: PluralKey, count: number, values?: Record<string, string | number>): string {
    const forms: PluralString = this.strings[key];
    const form = forms[pluralRules(this.lang).select(count)] ?? forms.other;
    return this.fill(form, { count, ...values });
  }

  fill(template: string, values: Record<string, string | number> = {}): string {
    // The formatter only for a number: most strings have none, and every row fills several.
    return fill(template, values, (value) => numberFormat(this.lang).format(value));
  }

  dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return dateTimeFormat(this.lang, options);
  }

  /** "3 days ago", "in 2 hours": the largest unit that fits. */
  relative(date: Date, now: Date): string {
    return formatRelative(this.lang, date, now);
  }

  hostConnected(): void {
    connected.add(this);
    lookForLangChanges(this.host);
    // Moved elsewhere in the page: the nearest `lang` may be another one.
    this.langMayHaveChanged();
  }

  hostDisconnected(): void {
    connected.delete(this);
    if (connected.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }

  /** Re-reads the nearest `lang`; re-renders the host when it changed. */
  langMayHaveChanged(): void {
    const lang = langOf(this.host);
    if (lang === this.#lang) return;
    this.#lang = lang;
    this.host.requestUpdate();
  }
}
