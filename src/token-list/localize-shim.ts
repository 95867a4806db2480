// Stand-in with the shape of the shared LocalizeController, until it lands; removed at that merge.
import { dateTimeFormat, formatRelative, resolveLocale } from '../internal/locale.js';
import { resolveStrings, type PatStrings } from '../internal/pat-strings.js';
import { fill } from '../internal/strings.js';
import { pluralString } from './plural-string.js';

type Keys = keyof PatStrings;
export type PluralKey = { [K in Keys]: K extends `${infer P}One` ? (`${P}Other` extends Keys ? P : never) : never }[Keys];
export type TextKey = Keys;

export class ListLocalize {
  readonly #host: Element & { strings: Partial<PatStrings> | undefined };
  #strings: PatStrings = resolveStrings(undefined);
  #for: unknown;
  #lang = 'en';

  constructor(host: Element & { strings: Partial<PatStrings> | undefined }) {
    this.#host = host;
  }

  /** Called once per update. */
  refresh(): void {
    this.#lang = resolveLocale(this.#host);
  }

  get lang(): string {
    return this.#lang;
  }

  get strings(): PatStrings {
    if (this.#for !== this.#host.strings) {
      this.#for = this.#host.strings;
      this.#strings = resolveStrings(this.#host.strings);
    }
    return this.#strings;
  }

  term(key: TextKey, values?: Record<string, string | number>): string {
    return fill(this.strings[key], values ?? {});
  }

  plural(key: PluralKey, count: number, values?: Record<string, string | number>): string {
    const strings = this.strings;
    const template = pluralString(this.#lang, count, strings[`${key}One` as Keys], strings[`${key}Other` as Keys]);
    return fill(template, { count, ...values });
  }

  fill(template: string, values: Record<string, string | number> = {}): string {
    return fill(template, values);
  }

  dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return dateTimeFormat(this.#lang, options);
  }

  relative(date: Date, now: Date): string {
    return formatRelative(this.#lang, date, now);
  }
}

/** Re-renders the host when a `lang` in the document changes (the shared observer replaces it). */
export class LangWatcher {
  readonly #observer: MutationObserver;
  constructor(onChange: () => void) {
    this.#observer = new MutationObserver(onChange);
  }
  start(): void {
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  stop(): void {
    this.#observer.disconnect();
  }
}
