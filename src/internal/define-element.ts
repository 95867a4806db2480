/**
 * Registers a tag unless it is already taken, so two copies of the package on one page (say, the
 * bundle and an npm copy) don't throw.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
