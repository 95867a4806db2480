/** Where focus is, looking through shadow roots, and moving it with the real keyboard. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/** The focused element, looking through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * The focused element described for a message (tag, id, parts), never the element itself: a
 * failing comparison of elements makes the reporter serialise them, which can take the browser down.
 */
export function describeFocus(): string {
  const active = deepActive();
  return active ? `${active.localName}${active.id ? `#${active.id}` : ''}[part=${active.getAttribute('part') ?? ''}]` : 'nothing';
}

export function focusIs(selector: string): boolean {
  return deepActive()?.matches(selector) ?? false;
}

/** Presses Tab (Shift+Tab with `backwards`) until focus matches `selector`, at most `limit` times. */
export async function tabUntil(selector: string, { limit = 15, backwards = false } = {}): Promise<void> {
  if (backwards) await sendKeys({ down: 'Shift' });
  try {
    for (let presses = 0; presses < limit && !focusIs(selector); presses += 1) await sendKeys({ press: 'Tab' });
  } finally {
    if (backwards) await sendKeys({ up: 'Shift' });
  }
  expect(focusIs(selector), `Tab did not reach ${selector}; focus is on ${describeFocus()}`).to.equal(true);
}

const describeElement = (element: Element | null | undefined): string =>
  element ? `${element.localName}${element.id ? `#${element.id}` : ''}[part=${element.getAttribute('part') ?? ''}]` : String(element);

/**
 * Asserts that two elements are the same one without handing them to chai: a failing comparison
 * of elements makes the reporter serialise them, which can take the test browser down.
 */
export function expectSame(actual: Element | null | undefined, expected: Element | null | undefined, what = 'focus'): void {
  expect(actual === expected, `${what}: ${describeElement(actual)} is not ${describeElement(expected)}`).to.equal(true);
}
