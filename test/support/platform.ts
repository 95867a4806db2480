/**
 * The browser without what jsdom (the default environment of hosts' unit tests) lacks: runs a test
 * with `HTMLDialogElement`'s `showModal()`, `show()` and `close()` and `HTMLFormElement`'s
 * `requestSubmit()` gone, then puts them back.
 */
const MISSING_IN_JSDOM: [object, string][] = [
  [HTMLDialogElement.prototype, 'showModal'],
  [HTMLDialogElement.prototype, 'show'],
  [HTMLDialogElement.prototype, 'close'],
  [HTMLFormElement.prototype, 'requestSubmit'],
];

export async function withoutShowModal(test: () => Promise<void>): Promise<void> {
  const originals = MISSING_IN_JSDOM.map(([prototype, name]) => Object.getOwnPropertyDescriptor(prototype, name)!);
  for (const [prototype, name] of MISSING_IN_JSDOM) Object.defineProperty(prototype, name, { value: undefined, configurable: true });
  try {
    await test();
  } finally {
    MISSING_IN_JSDOM.forEach(([prototype, name], i) => Object.defineProperty(prototype, name, originals[i]!));
  }
}
