#!/usr/bin/env node
/**
 * Framework typings generated from custom-elements.json, so they list exactly the properties,
 * attributes and events the manifest documents:
 *
 * - `dist/types/react.d.ts` (`pat-elements/types/react`): React 19 renders custom elements
 *   natively (props become properties when the element has them, `on<event>` props become
 *   listeners), so the typings only add the tags to `React.JSX.IntrinsicElements`.
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
  return (element.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && !member.readonly && !member.privacy,
  );
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
const PRIMITIVE_TYPE = /^(?:\s*(?:string|number|boolean|undefined|null|'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?)\s*)(?:\|(?:\s*(?:string|number|boolean|undefined|null|'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?)\s*))*$/;

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
  const fields = settableFields(element);
  const indent = '  ';
  let body = '';
  for (const field of fields) {
    body += jsDoc(field.description, indent);
    body += `${indent}${quote(field.name)}?: ${propertyType(element, field)};\n`;
  }
  for (const attribute of extraAttributes(element, fields)) {
    const field = fields.find((f) => f.name === attribute.fieldName) ?? (attribute.fieldName && { name: attribute.fieldName });
    const type = field ? propertyType(element, field) : 'string';
    body += jsDoc(attribute.description, indent);
    body += `${indent}${quote(attribute.name)}?: ${type};\n`;
  }
  for (const event of element.events ?? []) {
    if (!event.name) continue;
    body += jsDoc(event.description, indent);
    body += `${indent}${quote(`${eventPrefix}${event.name}`)}?: (event: EventOf<${JSON.stringify(event.name)}>) => void;\n`;
  }
  const summary = element.summary ?? element.description ?? '';
  return `${jsDoc(`Properties, attributes and events of \`<${element.tagName}>\`.${summary ? ` ${summary}` : ''}`, '')}export interface ${element.name}Props {\n${body}}\n`;
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

/** Writes every framework's typings into `outDir/types/`; returns the files written. */
export function writeFrameworkTypes(manifest, outDir) {
  const dir = join(outDir, 'types');
  mkdirSync(dir, { recursive: true });
  const files = { 'react.d.ts': reactTypes(manifest) };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files).map((name) => join(dir, name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const [manifestPath = join(root, 'custom-elements.json'), outDir = join(root, 'dist')] = process.argv.slice(2);
  const written = writeFrameworkTypes(JSON.parse(readFileSync(manifestPath, 'utf8')), outDir);
  for (const file of written) console.log(`wrote ${file}`);
}
