/**
 * The one localization layer: which strings win, which locale applies, plural forms by CLDR
 * category, one page-wide observer for `lang` (also inside shadow roots), and the bounded cache.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { dateTimeFormat } from '../../src/internal/locale.js';
import { mergeStrings, registerLocale } from '../../src/internal/localize.js';
import { defaultStrings } from '../../src/internal/pat-strings.js';
import { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';
import { defineElement } from '../../src/internal/define-element.js';

defineElement('pat-token-reveal', PatTokenReveal);

/** `qaa`–`qtz` are private-use language tags: valid, and never a real locale a later test registers. */
registerLocale('qaa', { revealDone: 'Done (qaa)', revealCopy: 'Copy (qaa)' });
registerLocale('qaa-ZZ', { revealDone: 'Done (qaa-ZZ)' });

/** Counts MutationObservers the page creates and disconnects while `run` runs. */
async function countObservers(run: () => Promise<void>): Promise<{ created: number; disconnected: number }> {
  const Original = window.MutationObserver;
  const counts = { created: 0, disconnected: 0 };
  window.MutationObserver = class extends Original {
    constructor(callback: MutationCallback) {
      super(callback);
      counts.created += 1;
    }
    override disconnect() {
      counts.disconnected += 1;
      super.disconnect();
    }
  };
  try {
    await run();
  } finally {
    window.MutationObserver = Original;
  }
  return counts;
}

const mounted: Element[] = [];
function mount<T extends Element>(element: T, lang?: string): T {
  const wrapper = document.createElement('div');
  if (lang !== undefined) wrapper.lang = lang;
  wrapper.append(element);
  document.body.append(wrapper);
  mounted.push(wrapper);
  return element;
}

/** A reveal showing a secret, so its Done and Copy buttons render. */
async function reveal(lang?: string, strings?: PatTokenReveal['strings']): Promise<PatTokenReveal> {
  const el = mount(document.createElement('pat-token-reveal'), lang);
  el.strings = strings;
  el.secret = 'pat_localizeTestSecret';
  await el.updateComplete;
  return el;
}
const textOf = (el: PatTokenReveal, part: string) => el.shadowRoot!.querySelector(`[part~=${part}]`)!.textContent!.trim();

describe('LocalizeController', () => {
  afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

  it('layers strings: English, then the registered locale (exact tag, then language), then the host', async () => {
    expect(textOf(await reveal('en'), 'done-button')).to.equal('Done');
    expect(textOf(await reveal('qaa'), 'done-button')).to.equal('Done (qaa)');
    const exact = await reveal('qaa-ZZ');
    expect(textOf(exact, 'done-button')).to.equal('Done (qaa-ZZ)');
    // qaa-ZZ gives only Done: Copy falls to English, not to qaa (a region is its own locale).
    expect(textOf(exact, 'copy-button')).to.equal('Copy token');
    expect(textOf(await reveal('qaa-YY'), 'copy-button'), 'an unregistered region uses its language').to.equal('Copy (qaa)');
    expect(textOf(await reveal('qaa', { revealDone: 'Finished' }), 'done-button'), "the host's strings win").to.equal('Finished');
  });

  it('keeps the merged strings one object until the host strings or the locale change (rows guard on it)', async () => {
    const el = await reveal('en');
    const merged = () => (el as unknown as { localize: { strings: object } }).localize.strings;
    const first = merged();
    expect(merged() === first, 'the same object while nothing changed').to.be.true;
    el.strings = { revealDone: 'Finished' };
    const overridden = merged();
    expect(overridden === first, 'a new object for new host strings').to.be.false;
    expect(merged() === overridden, 'then the same again').to.be.true;
    el.parentElement!.lang = 'qaa';
    await waitUntil(() => merged() !== overridden, 'a new object for a new locale');
  });

  it('ignores values of the wrong kind instead of showing them', () => {
    const merged = mergeStrings({
      revealDone: 42 as unknown as string,
      tokenCount: 'tokens' as never,
      expiresInDays: { one: 'only one' } as never,
      dialogHeading: 'Kept',
    });
    expect(merged.revealDone).to.equal(defaultStrings.revealDone);
    expect(merged.tokenCount).to.deep.equal(defaultStrings.tokenCount);
    expect(merged.expiresInDays).to.deep.equal(defaultStrings.expiresInDays);
    expect(merged.dialogHeading).to.equal('Kept');
  });

  it('re-renders when a locale is registered after the element rendered', async () => {
    const el = await reveal('qab');
    expect(textOf(el, 'done-button')).to.equal('Done');
    registerLocale('qab', { revealDone: 'Done (qab)' });
    await el.updateComplete;
    expect(textOf(el, 'done-button')).to.equal('Done (qab)');
  });

  it('picks plural forms by CLDR category, with numbers in the locale, and `other` for a missing form', async () => {
    const el = await reveal('ar');
    const localize = (el as unknown as { localize: import('../../src/internal/localize.js').LocalizeController }).localize;
    el.strings = {
      tokenCount: {
        zero: 'zero {count}',
        one: 'one {count}',
        two: 'two {count}',
        few: 'few {count}',
        many: 'many {count}',
        other: 'other {count}',
      },
    };
    const digits = new Intl.NumberFormat('ar');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => localize.plural('tokenCount', count));
    expect(forms).to.deep.equal(
      ['zero', 'one', 'two', 'few', 'many', 'other'].map((form, i) => `${form} ${digits.format([0, 1, 2, 3, 11, 100][i]!)}`),
    );
    el.strings = { tokenCount: { other: '{count} tokens' } };
    expect(localize.plural('tokenCount', 1)).to.equal(`${digits.format(1)} tokens`);
  });

  it('uses one observer for the whole page, from the first connection to the last disconnection', async () => {
    const counts = await countObservers(async () => {
      const elements = [document.createElement('pat-token-reveal'), document.createElement('pat-token-reveal')];
      elements.forEach((el) => mount(el, 'en'));
      await Promise.all(elements.map((el) => el.updateComplete));
      mounted[0]!.remove();
      mounted[1]!.remove();
    });
    expect(counts).to.deep.equal({ created: 1, disconnected: 1 });
  });

  it('creates no observer for an element that is constructed but never connected', async () => {
    const counts = await countObservers(async () => {
      document.createElement('pat-token-reveal');
    });
    expect(counts.created).to.equal(0);
  });

  it('follows a lang change inside another shadow root', async () => {
    class LangHost extends LitElement {
      override render() {
        return html`<div lang="en"><pat-token-reveal></pat-token-reveal></div>`;
      }
    }
    customElements.define('lang-host-test', LangHost);
    const host = mount(document.createElement('lang-host-test') as LangHost);
    await host.updateComplete;
    const el = host.shadowRoot!.querySelector('pat-token-reveal')!;
    el.secret = 'pat_localizeTestSecret';
    await el.updateComplete;
    expect(textOf(el, 'done-button')).to.equal('Done');
    host.shadowRoot!.querySelector('div')!.lang = 'qaa';
    await waitUntil(() => textOf(el, 'done-button') === 'Done (qaa)', 'the reveal kept its English strings');
  });
});

describe('the Intl cache', () => {
  it('returns the same formatter for the same locale and options, and stays bounded', () => {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'full' };
    const first = dateTimeFormat('en', options);
    expect(dateTimeFormat('en', options)).to.equal(first);
    for (let i = 0; i < 100; i += 1) dateTimeFormat(`en-x-n${i}`, options);
    expect(dateTimeFormat('en', options), 'the oldest entry was evicted and built again').not.to.equal(first);
  });

  it('serialises an options object once, not on every lookup (each row looks its formatters up); equal options share a formatter', () => {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
    const first = dateTimeFormat('en', options);
    const stringify = JSON.stringify;
    let serialised = 0;
    JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
      serialised += 1;
      return stringify(...args);
    }) as typeof JSON.stringify;
    let again: Intl.DateTimeFormat[];
    try {
      again = Array.from({ length: 100 }, () => dateTimeFormat('en', options));
    } finally {
      JSON.stringify = stringify;
    }
    expect(serialised).to.equal(0);
    expect(again.every((format) => format === first)).to.be.true;
    expect(dateTimeFormat('en', { ...options }), 'the same options in another object').to.equal(first);
  });

  it('falls back to the browser locale for an invalid lang', () => {
    expect(dateTimeFormat('not a locale!', { year: 'numeric' }).format(new Date('2026-01-01T12:00:00Z'))).to.match(/2026/);
  });
});
