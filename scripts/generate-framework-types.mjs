#!/usr/bin/env node
/**
 * Framework typings and wrappers generated from custom-elements.json, so they list exactly the
 * properties, attributes and events the manifest documents:
 *
 * - `dist/types/react.d.ts` (`pat-elements/types/react`): React 19 renders custom elements
 *   natively (props become properties when the element has them, `on<event>` props become
 *   listeners), so the typings only add the tags to `React.JSX.IntrinsicElements`.
 * - `dist/react.js` and `.d.ts` (`pat-elements/react`): React 18 and older set every prop as an
 *   attribute and ignore custom events, so they get `@lit/react` wrappers (`<PatTokenList>` with
 *   `onPatTokenCreated`-style event props), as Shoelace ships them.
 * - `dist/types/vue.d.ts` (`pat-elements/types/vue`): the tags in Vue's `GlobalComponents`, so
 *   vue-tsc checks their props and `@pat-*` events (also with `strictTemplates`).
 * - `dist/types/svelte.d.ts` (`pat-elements/types/svelte`): the tags in `svelteHTML`, with
 *   Svelte 5's `onpat-*` and Svelte 4's `on:pat-*` event attributes, for svelte-check.
 *
 * Types come from the element classes themselves (`PatTokenList['client']`) and from
 * `PatEventMap`; the manifest's type text is used only where it is primitive (`string | undefined`).
 *
 * Usage: `node scripts/generate-framework-types.mjs [manifest] [outDir]` (build.mjs calls it).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HEADER = '// Generated from custom-elements.json by scripts/generate-framework-types.mjs. Do not edit.\n';

/** Custom elements of the manifest with a tag, in tag order. */
export function customElements(manifest) {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Public properties a host may set: fields that are not static, private, protected or readonly. */
function settableFields(element) {
  return (element.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.readonly && !member.privacy);
}

/** Attributes whose name is not also a settable property name (e.g. `expiring-soon-days`). */
function extraAttributes(element, fields) {
  const names = new Set(fields.map((field) => field.name));
  return (element.attributes ?? []).filter((attribute) => !names.has(attribute.name));
}

function jsDoc(text, indent) {
  if (!text) return '';
  const lines = text.trim().split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0].replace(/\*\//g, '*\\/')} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line.replace(/\*\//g, '*\\/')}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** Primitive type text (`string | undefined`, `'a' | 'b'`) means the same in any file. */
const PRIMITIVE_TYPE =
  /^(?:\s*(?:string|number|boolean|undefined|null|'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?)\s*)(?:\|(?:\s*(?:string|number|boolean|undefined|null|'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?)\s*))*$/;

/**
 * The type a host may set: the manifest's text when it is primitive (it is the setter's type for
 * a write-only property like the reveal's `secret`, whose getter returns undefined), else the
 * class's own property type, which needs no imports and cannot drift.
 */
function propertyType(element, member) {
  const text = member.type?.text;
  return text && PRIMITIVE_TYPE.test(text) ? text.trim() : `${element.name}[${JSON.stringify(member.name)}]`;
}

/** One interface per element: its properties, extra attributes and `on<event>` props. */
function propsInterface(element, eventPrefix) {
  const indent = '  ';
  let body = ownPropsBody(element, indent);
  for (const event of element.events ?? []) {
    if (!event.name) continue;
    body += jsDoc(event.description, indent);
    body += `${indent}${quote(`${eventPrefix}${event.name}`)}?: (event: EventOf<${JSON.stringify(event.name)}>) => void;\n`;
  }
  const summary = element.summary ?? element.description ?? '';
  return `${jsDoc(`Properties, attributes and events of \`<${element.tagName}>\`.${summary ? ` ${summary}` : ''}`, '')}export interface ${element.name}Props {\n${body}}\n`;
}

/**
 * The body of an interface of the props a host sets: properties, then attributes they rename.
 * `attributesAsProperties`: vue-tsc checks a kebab-case attribute as its camelCase property
 * (`max-lifetime-days="90"` as `maxLifetimeDays`), so there a renamed property also takes its
 * attribute's type.
 */
function ownPropsBody(element, indent, { attributesAsProperties = false } = {}) {
  const fields = settableFields(element);
  const renamed = new Map(extraAttributes(element, fields).map((attribute) => [attribute.fieldName, attribute]));
  let body = '';
  for (const field of fields) {
    let type = propertyType(element, field);
    const attribute = attributesAsProperties && renamed.get(field.name);
    if (attribute) type = [...new Set([...splitUnion(type), ...splitUnion(attributeType(element, fields, attribute))])].join(' | ');
    body += jsDoc(field.description, indent);
    body += `${indent}${quote(field.name)}?: ${type};\n`;
  }
  for (const attribute of extraAttributes(element, fields)) {
    body += jsDoc(attribute.description, indent);
    body += `${indent}${quote(attribute.name)}?: ${attributeType(element, fields, attribute)};\n`;
  }
  return body;
}

/**
 * An attribute's value is text: `max-lifetime-days="90"`, `grace-periods="0 1 24"`. So an
 * attribute takes its property's type only where that is a string or a boolean
 * (`credentials="include"`, `no-generate`), and a string elsewhere (`AttributeOf`).
 */
function attributeType(element, fields, attribute, { booleanAs = 'boolean' } = {}) {
  const field = fields.find((f) => f.name === attribute.fieldName) ?? (attribute.fieldName && { name: attribute.fieldName });
  if (!field) return 'string';
  const type = propertyType(element, field);
  if (!PRIMITIVE_TYPE.test(type)) return `AttributeOf<${type}>`;
  // Primitive text is resolved here, so editors show `string | undefined` rather than the alias.
  const alternatives = splitUnion(type).map((text) => {
    if (text === 'boolean') return booleanAs;
    return text === 'number' || /^-?\d/.test(text) ? 'string' : text;
  });
  return [...new Set(alternatives)].join(' | ');
}

/** `number | undefined` → `['number', 'undefined']`; any other type text is one alternative. */
const splitUnion = (type) => (PRIMITIVE_TYPE.test(type) ? type.split('|').map((text) => text.trim()) : [type]);

/** What `AttributeOf` is, in every typings file that uses it. */
const ATTRIBUTE_OF = `
/** An attribute's type: its property's where that is a string or a boolean, else the text the element parses. */
type AttributeOf<T> = T extends string | boolean | undefined ? T : string;
`;

/** Events with a name, as declared by `@fires`. */
const namedEvents = (element) => (element.events ?? []).filter((event) => event.name);

/** `pat-token-created` → `PatTokenCreated`. */
const pascalCase = (name) => name.replace(/(?:^|-)([a-z0-9])/g, (_, letter) => letter.toUpperCase());

/** The React 18 wrapper's event prop: `pat-token-created` → `onPatTokenCreated` (as Shoelace's `onSlChange`). */
export const wrapperEventProp = (eventName) => `on${pascalCase(eventName)}`;

/** `interface <Name>Props` (what a host sets) and `interface <Name>Events` (event name → event type). */
function propsAndEventsInterfaces(element, options = {}) {
  const summary = element.summary ?? element.description ?? '';
  let events = '';
  for (const event of namedEvents(element)) {
    events += jsDoc(event.description, '  ');
    events += `  ${quote(event.name)}: EventOf<${JSON.stringify(event.name)}>;\n`;
  }
  return (
    `${jsDoc(`Properties and attributes of \`<${element.tagName}>\`.${summary ? ` ${summary}` : ''}`, '')}` +
    `export interface ${element.name}Props {\n${ownPropsBody(element, '  ', options)}}\n\n` +
    `${jsDoc(`Events of \`<${element.tagName}>\`, by name.`, '')}export interface ${element.name}Events {\n${events}}\n`
  );
}

/** What every typings file starts with: the classes, `PatEventMap`, and `EventOf`. */
function typingsHead(elements, from) {
  const classes = elements.map((element) => element.name).sort();
  return `import type { PatEventMap, ${classes.join(', ')} } from '${from}';

/** The event a listener receives: typed for \`pat-*\` events, a plain \`Event\` otherwise. */
type EventOf<K extends string> = K extends keyof PatEventMap ? PatEventMap[K] : Event;
${ATTRIBUTE_OF}`;
}

/**
 * Vue 3: the tags as global components whose `$props` and `$emit` describe the element (the
 * pattern Vue's guide gives for custom elements not built with Vue), so vue-tsc checks props and
 * `@pat-*` listeners, also with `strictTemplates`.
 */
export function vueTypes(manifest, { from = '../index.js' } = {}) {
  const elements = customElements(manifest);
  return `${HEADER}/**
 * Vue 3 template typings: props and \`@pat-*\` events of every tag are checked by vue-tsc and
 * Volar (also with \`strictTemplates\`). Add them once, e.g. in \`src/pat-elements.d.ts\`:
 *
 *     import type {} from 'pat-elements/types/vue';
 *
 * Vue's compiler must still treat the tags as custom elements (\`isCustomElement\`), and the
 * tags are registered at runtime with \`import 'pat-elements/define'\`.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${typingsHead(elements, from)}
/** An element as Vue's template checker sees a component: what it accepts and what it emits. */
type DefineCustomElement<E extends HTMLElement, Props, Events> = new () => E & {
  /** @deprecated Only for template type-checking: elements have no \`$props\`. */
  $props: Omit<HTMLAttributes, keyof Props> & Props & PublicProps;
  /** @deprecated Only for template type-checking: elements have no \`$emit\`. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

${elements.map((element) => propsAndEventsInterfaces(element, { attributesAsProperties: true })).join('\n')}
declare module 'vue' {
  interface GlobalComponents {
${elements.map((element) => `    ${quote(element.tagName)}: DefineCustomElement<${element.name}, ${element.name}Props, ${element.name}Events>;`).join('\n')}
  }
}
`;
}

/**
 * Svelte: the tags in `svelteHTML.IntrinsicElements`, read by svelte-check and the Svelte
 * language server, with Svelte 5's `onpat-*` and Svelte 4's `on:pat-*` event attributes.
 */
export function svelteTypes(manifest, { from = '../index.js' } = {}) {
  const elements = customElements(manifest);
  return `${HEADER}/**
 * Svelte template typings (svelte-check, the Svelte language server): props and event
 * attributes of every tag, \`onpat-token-created={…}\` (Svelte 5) or \`on:pat-token-created\`
 * (Svelte 4). Add them once, e.g. in \`src/pat-elements.d.ts\`:
 *
 *     import type {} from 'pat-elements/types/svelte';
 *
 * and register the tags at runtime with \`import 'pat-elements/define'\`.
 */
import type { HTMLAttributes } from 'svelte/elements';
${typingsHead(elements, from)}
/** \`onpat-x\` (Svelte 5) and \`on:pat-x\` (Svelte 4) listeners, one of each per event. */
type EventAttributes<Events> = { [K in keyof Events & string as \`on\${K}\`]?: (event: Events[K]) => void } & {
  [K in keyof Events & string as \`on:\${K}\`]?: (event: Events[K]) => void;
};

/** Svelte's attributes of any element, with the element's own and its events on top. */
type SvelteAttributes<E extends HTMLElement, Props, Events> = Omit<HTMLAttributes<E>, keyof Props> & Props & EventAttributes<Events>;

${elements.map((element) => propsAndEventsInterfaces(element)).join('\n')}
declare global {
  namespace svelteHTML {
    interface IntrinsicElements {
${elements.map((element) => `      ${quote(element.tagName)}: SvelteAttributes<${element.name}, ${element.name}Props, ${element.name}Events>;`).join('\n')}
    }
  }
}
`;
}

/**
 * React 18 wrappers (`pat-elements/react`): one `@lit/react` component per tag, named like its
 * class, with an `on<EventName>` prop per event. Returns the module and its declarations.
 */
export function reactWrappers(manifest, { from = './index.js', define = './define.js' } = {}) {
  const elements = customElements(manifest);
  const aliases = elements.map((element) => `${element.name} as ${element.name}Element`).join(', ');
  const components = elements.map(
    (element) => `
export const ${element.name} = createComponent({
  react: React,
  tagName: ${JSON.stringify(element.tagName)},
  elementClass: ${element.name}Element,
  events: {
${namedEvents(element)
  .map((event) => `    ${wrapperEventProp(event.name)}: ${JSON.stringify(event.name)},`)
  .join('\n')}
  },
  displayName: ${JSON.stringify(element.name)},
});
`,
  );
  // A default import of React: its CommonJS build has named exports only for bundlers, not for Node.
  const js = `${HEADER}// React 18 and older set every prop as an attribute and ignore custom events: these @lit/react
// wrappers set properties and add listeners. Importing this module registers the tags.
import React from 'react';
import { createComponent } from '@lit/react';
import { ${aliases} } from '${from}';
import '${define}';
${components.join('')}`;

  const declarations = elements.map((element) => {
    const self = { name: `${element.name}Element` };
    const fields = settableFields(element);
    let body = '';
    for (const field of fields) {
      body += jsDoc(field.description, '  ');
      body += `  ${quote(field.name)}?: ${propertyType(self, field)};\n`;
    }
    for (const attribute of extraAttributes(element, fields)) {
      body += jsDoc(attribute.description, '  ');
      body += `  ${quote(attribute.name)}?: ${attributeType(self, fields, attribute, { booleanAs: 'true' })};\n`;
    }
    for (const event of namedEvents(element)) {
      body += jsDoc(event.description, '  ');
      body += `  ${wrapperEventProp(event.name)}?: (event: EventOf<${JSON.stringify(event.name)}>) => void;\n`;
    }
    const summary = element.summary ? ` ${element.summary}` : '';
    return `
${jsDoc(`Props of \`<${element.name}>\`: the properties of \`<${element.tagName}>\` and a listener per event.`, '')}export interface ${element.name}Props {
${body}}

${jsDoc(`\`<${element.tagName}>\` for React 18 and older.${summary}`, '')}export declare const ${element.name}: ForwardRefExoticComponent<PatWrapperProps<${element.name}Element, ${element.name}Props>>;
`;
  });
  const dts = `${HEADER}/**
 * React 18 (and older) wrappers of the tags, made with \`@lit/react\`: props are set as element
 * properties, and \`on<EventName>\` props listen to the \`pat-*\` events. Needs \`react\` and
 * \`@lit/react\`; importing this module registers the tags. React 19 needs no wrappers: see
 * \`pat-elements/types/react\`.
 *
 *     import { PatTokenList } from 'pat-elements/react';
 *     <PatTokenList endpoint="/api/tokens" onPatTokenCreated={(event) => toast(event.detail.token.name)} />
 */
import type { ForwardRefExoticComponent, HTMLAttributes, RefAttributes } from 'react';
import type { PatEventMap, ${aliases} } from '${from}';

/** The event a listener receives: typed for \`pat-*\` events, a plain \`Event\` otherwise. */
type EventOf<K extends string> = K extends keyof PatEventMap ? PatEventMap[K] : Event;

/**
 * An attribute's type: its property's where that is a string, else the text the element parses.
 * A boolean attribute takes only \`true\`: React 18 writes \`false\` as "false", which is present,
 * so it reads as true (set the property, e.g. \`noGenerate={false}\`).
 */
type AttributeOf<T> = T extends string | undefined ? T : T extends boolean ? true : string;

/** React's props for an element (\`className\`, \`style\`, ARIA, \`ref\`…) with the element's own on top. */
export type PatWrapperProps<E extends HTMLElement, Own> = Omit<HTMLAttributes<E>, keyof Own> & Own & RefAttributes<E>;
${declarations.join('')}`;
  return { js, dts };
}

/**
 * `React.JSX.IntrinsicElements` entries for every tag (React 19 custom element support).
 * `from` is where the element classes and `PatEventMap` are imported from.
 */
export function reactTypes(manifest, { from = '../index.js' } = {}) {
  const elements = customElements(manifest);
  const classes = elements.map((element) => element.name).sort();
  return `${HEADER}/**
 * JSX typings for React 19, which passes props to custom elements as properties and turns
 * \`on<event-name>\` props into event listeners. Add them once, e.g. in \`src/pat-elements.d.ts\`:
 *
 *     import type {} from 'pat-elements/types/react';
 *
 * and register the tags at runtime with \`import 'pat-elements/define'\`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PatEventMap, ${classes.join(', ')} } from '${from}';

/** The event a listener receives: typed for \`pat-*\` events, a plain \`Event\` otherwise. */
type EventOf<K extends string> = K extends keyof PatEventMap ? PatEventMap[K] : Event;
${ATTRIBUTE_OF}
/** React's props for an element (\`ref\`, \`key\`, \`className\`, ARIA, …) with ours on top. */
export type PatElementProps<E extends HTMLElement, Own> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own> & Own;

${elements.map((element) => propsInterface(element, 'on')).join('\n')}
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((element) => `      ${quote(element.tagName)}: PatElementProps<${element.name}, ${element.name}Props>;`).join('\n')}
    }
  }
}
`;
}

/** Writes every framework's typings (`outDir/types/`) and the React 18 wrappers; returns the files written. */
export function writeFrameworkTypes(manifest, outDir) {
  mkdirSync(join(outDir, 'types'), { recursive: true });
  const wrappers = reactWrappers(manifest);
  const files = {
    'types/react.d.ts': reactTypes(manifest),
    'types/vue.d.ts': vueTypes(manifest),
    'types/svelte.d.ts': svelteTypes(manifest),
    'react.js': wrappers.js,
    'react.d.ts': wrappers.dts,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
  return Object.keys(files).map((name) => join(outDir, name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const [manifestPath = join(root, 'custom-elements.json'), outDir = join(root, 'dist')] = process.argv.slice(2);
  const written = writeFrameworkTypes(JSON.parse(readFileSync(manifestPath, 'utf8')), outDir);
  for (const file of written) console.log(`wrote ${file}`);
}
