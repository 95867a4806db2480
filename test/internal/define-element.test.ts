/** Registering tags: a taken tag is left alone, and a class a host registered under its own name still gets ours. */
import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/internal/define-element.js';
import { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';

describe('defineElement', () => {
  it('leaves a tag that is already registered alone', () => {
    class Other extends HTMLElement {}
    customElements.define('pat-define-taken', Other);
    expect(() => defineElement('pat-define-taken', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('pat-define-taken') === Other).to.equal(true);
  });

  it('registers a subclass when the host registered the class under another name', () => {
    customElements.define('acme-token-reveal', PatTokenReveal);
    defineElement('pat-token-reveal', PatTokenReveal);
    const registered = customElements.get('pat-token-reveal')!;
    expect(registered === PatTokenReveal).to.equal(false);
    expect(registered.prototype instanceof PatTokenReveal).to.equal(true);
  });
});
