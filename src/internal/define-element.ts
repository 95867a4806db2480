/**
 * Registers a tag unless it is already taken, so two copies of the package on one page (say, the
 * bundle and an npm copy) don't throw.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  try {
    customElements.define(tag, element);
  } catch {
    // A class can back one tag only: the host registered this one under a name of its own.
    customElements.define(tag, subclassOf(element));
  }
}

function subclassOf(element: CustomElementConstructor): CustomElementConstructor {
  return class extends element {};
}
