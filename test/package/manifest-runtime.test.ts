/**
 * custom-elements.json against the running elements: what the manifest documents (attributes,
 * properties, methods, the tag of each class) is what the registered classes really have. The
 * staleness check proves the file is what the analyzer writes; this proves the analyzer (and our
 * plugins) read the code right.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import * as patElements from '../../src/index.js';

interface ManifestMember {
  kind: 'field' | 'method';
  name: string;
  static?: boolean;
  privacy?: string;
}
interface ManifestElement {
  name: string;
  tagName: string;
  customElement?: boolean;
  members?: ManifestMember[];
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string; type?: { text: string } }[];
}
interface Manifest {
  modules: { path: string; declarations?: ManifestElement[] }[];
}

// Served from the project root by the test runner, as a tool would read it from the package.
const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);

describe('custom-elements.json matches the registered elements', () => {
  it('documents exactly the three tags, each with the class that is registered for it', () => {
    expect(elements.map((e) => e.tagName).sort()).to.deep.equal(['pat-generate-dialog', 'pat-token-list', 'pat-token-reveal']);
    for (const element of elements) {
      const exported = (patElements as Record<string, unknown>)[element.name];
      expect(exported, `${element.name} is exported`).to.be.a('function');
      expect(customElements.get(element.tagName), element.tagName).to.equal(exported);
    }
  });

  for (const element of elements) {
    describe(`<${element.tagName}>`, () => {
      it('lists exactly the attributes the element observes, each tied to its property', () => {
        const ctor = customElements.get(element.tagName) as unknown as { observedAttributes: string[] };
        const documented = (element.attributes ?? []).map((a) => a.name).sort();
        expect(documented).to.deep.equal([...ctor.observedAttributes].sort());
        const instance = document.createElement(element.tagName);
        for (const attribute of element.attributes ?? []) {
          expect(attribute.fieldName && attribute.fieldName in instance, `${attribute.name} → ${attribute.fieldName}`).to.equal(true);
        }
      });

      it('documents public properties and methods that instances really have', () => {
        const instance = document.createElement(element.tagName) as unknown as Record<string, unknown>;
        const members = (element.members ?? []).filter((m) => !m.static && !m.privacy);
        expect(members.length).to.be.greaterThan(0);
        for (const member of members) {
          expect(member.name in instance, `${element.name}.${member.name}`).to.equal(true);
          if (member.kind === 'method') expect(instance[member.name], `${element.name}.${member.name}()`).to.be.a('function');
        }
      });

      it('types every pat- event it documents with the detail type its listeners receive', () => {
        for (const event of element.events ?? []) {
          expect(event.name, 'event names are pat- prefixed').to.match(/^pat-[a-z-]+$/);
          expect(event.type?.text, event.name).to.match(/^CustomEvent<\w+Detail>$/);
        }
      });
    });
  }
});
