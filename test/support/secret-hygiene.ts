/**
 * Test helpers that look for a secret everywhere it must never be: the DOM (markup of the
 * document and every shadow root, attribute values, form field values, page text), web storage,
 * the URL, the details of `pat-*` events, the console and the elements' properties — in one
 * assertion, `expectNoSecretAnywhere`. Also a stub for the platform clipboard.
 */
import { expect } from '@open-wc/testing';
import type { PatEventMap } from '../../src/events/index.js';
import { allText } from './page.js';

/** Every event the elements fire: the compiler says when one of `PatEventMap` is missing here. */
const PAT_EVENTS = Object.keys({
  'pat-token-created': true,
  'pat-token-rotated': true,
  'pat-token-deleted': true,
  'pat-secret-copied': true,
  'pat-reveal-dismissed': true,
  'pat-error': true,
  'pat-dialog-opened': true,
  'pat-dialog-closed': true,
} satisfies Record<keyof PatEventMap, true>);
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Every element of the document, including those inside (nested) open shadow roots. */
export function allElements(root: ParentNode = document): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) out.push(...allElements(element.shadowRoot));
  }
  return out;
}

/** Where in the page the secret still is; empty when it is nowhere. */
export function findSecretInPage(secret: string): string[] {
  const places: string[] = [];
  if (document.documentElement.outerHTML.includes(secret)) places.push('document markup');
  for (const element of allElements()) {
    const name = element.localName + (element.id ? `#${element.id}` : '');
    if (element.shadowRoot?.innerHTML.includes(secret)) places.push(`${name} shadow root markup`);
    for (const attribute of element.attributes) {
      if (attribute.value.includes(secret)) places.push(`${name}[${attribute.name}]`);
    }
    if ('value' in element && String((element as HTMLInputElement).value).includes(secret)) places.push(`${name}.value`);
  }
  for (const [label, storage] of [
    ['localStorage', localStorage],
    ['sessionStorage', sessionStorage],
  ] as const) {
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i) ?? '';
      if (key.includes(secret) || (storage.getItem(key) ?? '').includes(secret)) places.push(label);
    }
  }
  if (location.href.includes(secret)) places.push('URL');
  return places;
}

/** Whether a value, looked through deeply (errors' message, stack and cause included), contains the secret. */
export function containsSecret(value: unknown, secret: string, seen = new Set<unknown>()): boolean {
  if (typeof value === 'string') return value.includes(secret);
  if (typeof value !== 'object' || value === null || seen.has(value)) return false;
  seen.add(value);
  if (value instanceof Node) return false;
  return Object.getOwnPropertyNames(value).some((key) => {
    if (key.includes(secret)) return true;
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    return descriptor !== undefined && 'value' in descriptor && containsSecret(descriptor.value, secret, seen);
  });
}

/** Records the detail of every `pat-*` event that reaches `window`. */
export function captureEvents(): { events: { type: string; detail: unknown }[]; stop(): void } {
  const events: { type: string; detail: unknown }[] = [];
  const listener = (event: Event) => events.push({ type: event.type, detail: (event as CustomEvent).detail });
  for (const type of PAT_EVENTS) window.addEventListener(type, listener);
  return { events, stop: () => PAT_EVENTS.forEach((type) => window.removeEventListener(type, listener)) };
}

/** Records (and still prints) every console call. */
export function captureConsole(): { calls: unknown[][]; restore(): void } {
  const calls: unknown[][] = [];
  const originals = CONSOLE_METHODS.map((method) => [method, console[method]] as const);
  for (const [method, original] of originals) {
    console[method] = (...args: unknown[]) => {
      calls.push(args);
      original.apply(console, args);
    };
  }
  return { calls, restore: () => originals.forEach(([method, original]) => (console[method] = original)) };
}

export interface SecretWatch {
  /** Every `pat-*` event that reached `window` since the watch started. */
  events: { type: string; detail: unknown }[];
  consoleCalls: unknown[][];
  stop(): void;
}

/** Starts recording what could leak a secret later: `pat-*` events and console calls. */
export function watchForSecrets(): SecretWatch {
  const events = captureEvents();
  const consoleCalls = captureConsole();
  return {
    events: events.events,
    consoleCalls: consoleCalls.calls,
    stop() {
      events.stop();
      consoleCalls.restore();
    },
  };
}

/** Every value reachable through an element's enumerable properties (own and inherited accessors). */
function enumerableValues(element: Element): unknown[] {
  const values: unknown[] = [];
  for (const key in element) {
    try {
      values.push((element as unknown as Record<string, unknown>)[key]);
    } catch {
      // A getter that throws on this element type holds nothing.
    }
  }
  return values;
}

/**
 * The one secret-leak assertion: the secret is in no markup, attribute, field, page text,
 * storage entry or URL, in no event detail or console call recorded by `watch`, and no property
 * of `elements` reaches it.
 */
export function expectNoSecretAnywhere(secret: string, watch: SecretWatch, elements: readonly Element[] = []): void {
  expect(findSecretInPage(secret), 'places the secret is still in').to.deep.equal([]);
  expect(allText(document.body).includes(secret), 'page text').to.be.false;
  expect(containsSecret(watch.consoleCalls, secret), 'console output').to.be.false;
  const leakingEvents = watch.events.filter((event) => containsSecret(event.detail, secret)).map((event) => event.type);
  expect(leakingEvents, 'pat-* events whose detail (errors included) holds the secret').to.deep.equal([]);
  for (const element of elements) {
    expect(
      enumerableValues(element).some((value) => containsSecret(value, secret)),
      `${element.localName}'s enumerable properties`,
    ).to.be.false;
    expect(containsSecret(element, secret), `${element.localName}'s own properties`).to.be.false;
  }
}

export interface ClipboardStub {
  /** Text written, in order. */
  writes: string[];
  /** For `pending` stubs: settles the oldest write; resolves once the writer has seen the outcome. */
  settle(ok: boolean): Promise<void>;
  restore(): void;
}

/**
 * Replaces `navigator.clipboard.writeText` (the platform, not our code): `succeed`, `fail` with
 * the `NotAllowedError` a browser throws without permission, or `pending` until `settle()`.
 */
export function stubClipboard(mode: 'succeed' | 'fail' | 'pending' = 'succeed'): ClipboardStub {
  const writes: string[] = [];
  const waiting: { resolve(): void; reject(error: unknown): void; done: Promise<void> }[] = [];
  const denied = () => new DOMException('Write permission denied.', 'NotAllowedError');
  const writeText = (text: string): Promise<void> => {
    if (mode === 'fail') return Promise.reject(denied());
    if (mode === 'succeed') {
      writes.push(text);
      return Promise.resolve();
    }
    let settle!: { resolve(): void; reject(error: unknown): void };
    const write = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    waiting.push({
      resolve: () => {
        writes.push(text);
        settle.resolve();
      },
      reject: settle.reject,
      done: write.catch(() => undefined),
    });
    return write;
  };
  Object.defineProperty(navigator.clipboard, 'writeText', { value: writeText, configurable: true, writable: true });
  return {
    writes,
    async settle(ok) {
      const next = waiting.shift();
      if (!next) throw new Error('no clipboard write is waiting');
      if (ok) next.resolve();
      else next.reject(denied());
      await next.done;
    },
    restore: () => {
      delete (navigator.clipboard as { writeText?: unknown }).writeText;
    },
  };
}
