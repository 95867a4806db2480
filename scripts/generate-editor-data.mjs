#!/usr/bin/env node
/**
 * Editor data generated from custom-elements.json, so editors complete and document the tags,
 * their attributes, events, slots, parts and custom properties exactly as the manifest has them:
 *
 * - `dist/vscode.html-custom-data.json` and `dist/vscode.css-custom-data.json`: VS Code's custom
 *   data (`html.customData` and `css.customData` settings);
 * - `dist/web-types.json`: JetBrains web-types (WebStorm, IntelliJ), found through package.json's
 *   `web-types` field.
 *
 * Usage: `node scripts/generate-editor-data.mjs [manifest] [outDir]` (build.mjs calls it).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { customElements } from './generate-framework-types.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Where an editor's "documentation" link goes: the README on the package's home page. */
const DOCS_URL = pkg.homepage;

export const EDITOR_DATA_FILES = ['vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json'];

/** DOM types the manifest names that an editor should offer as values. */
const KNOWN_TYPES = { RequestCredentials: "'include' | 'omit' | 'same-origin'" };

/** The attribute's type as an editor shows it: aliases expanded, `| undefined` dropped. */
function attributeType(attribute) {
  const text = attribute.type?.text ?? 'string';
  return (KNOWN_TYPES[text] ?? text)
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined')
    .join(' | ');
}

/** `'a' | 'b'` → `['a', 'b']`; anything else → undefined. */
function literalValues(type) {
  const parts = type.split('|').map((part) => part.trim());
  return parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((part) => part.slice(1, -1)) : undefined;
}

const withoutUndefined = (entries) => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));

/** An element's attributes, and its settable properties' documentation to fill gaps. */
function attributesOf(element) {
  const fields = new Map((element.members ?? []).filter((member) => member.kind === 'field').map((field) => [field.name, field]));
  return (element.attributes ?? []).map((attribute) => {
    const field = fields.get(attribute.fieldName);
    return {
      name: attribute.name,
      description: attribute.description ?? field?.description ?? '',
      type: attributeType(attribute.type ? attribute : (field ?? attribute)),
      default: attribute.default ?? field?.default,
    };
  });
}

/** The settable JavaScript properties (the ones without an attribute matter most: client, headers…). */
function propertiesOf(element) {
  return (element.members ?? [])
    .filter((member) => member.kind === 'field' && !member.static && !member.privacy)
    .map((field) => ({ name: field.name, description: field.description ?? '', type: field.type?.text, readonly: field.readonly }));
}

/** One markdown paragraph per kind of thing HTML custom data has no field for. */
function elementMarkdown(element) {
  const list = (title, items, format) => (items?.length ? `\n\n**${title}:** ${items.map(format).join(', ')}` : '');
  return (
    `${element.summary ?? ''}${element.description ? `\n\n${element.description}` : ''}` +
    list(
      'Properties',
      propertiesOf(element).filter((p) => !p.readonly && !(element.attributes ?? []).some((a) => a.fieldName === p.name)),
      (p) => `\`${p.name}\``,
    ) +
    list('Events', element.events, (event) => `\`${event.name}\``) +
    list('Slots', element.slots, (slot) => `\`${slot.name || '(default)'}\``) +
    list('CSS parts', element.cssParts, (part) => `\`${part.name}\``) +
    list('CSS custom properties', element.cssProperties, (property) => `\`${property.name}\``)
  ).trim();
}

/** VS Code's `html.customData`: tags and their attributes (with values where they are a set). */
export function vscodeHtmlData(manifest) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: customElements(manifest).map((element) => ({
      name: element.tagName,
      description: { kind: 'markdown', value: elementMarkdown(element) },
      attributes: attributesOf(element).map((attribute) => {
        const values = literalValues(attribute.type);
        return withoutUndefined({
          name: attribute.name,
          description: attribute.description,
          valueSet: attribute.type === 'boolean' ? 'v' : undefined,
          values: values?.map((name) => ({ name })),
        });
      }),
      references: [{ name: 'Documentation', url: DOCS_URL }],
    })),
  };
}

/** VS Code's `css.customData`: the `--pat-*` properties and each `::part()`. */
export function vscodeCssData(manifest) {
  const properties = new Map();
  const parts = new Map();
  for (const element of customElements(manifest)) {
    for (const property of element.cssProperties ?? []) {
      const entry = properties.get(property.name) ?? { name: property.name, uses: [] };
      entry.uses.push(
        `\`<${element.tagName}>\`: ${property.description ?? ''}${property.default ? ` Default: \`${property.default}\`.` : ''}`,
      );
      properties.set(property.name, entry);
    }
    for (const part of element.cssParts ?? []) {
      const entry = parts.get(part.name) ?? { name: `::part(${part.name})`, uses: [] };
      entry.uses.push(`\`<${element.tagName}>\`: ${part.description ?? ''}`);
      parts.set(part.name, entry);
    }
  }
  const described = ({ name, uses }) => ({
    name,
    description: { kind: 'markdown', value: uses.join('\n\n') },
    references: [{ name: 'Documentation', url: DOCS_URL }],
  });
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    properties: [...properties.values()].map(described),
    pseudoElements: [...parts.values()].map(described),
  };
}

/** JetBrains web-types: elements with attributes, properties, events, slots, parts and custom properties. */
export function webTypes(manifest) {
  const described = (item) => withoutUndefined({ name: item.name, description: item.description || undefined });
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: customElements(manifest).map((element) => ({
          name: element.tagName,
          description: [element.summary, element.description].filter(Boolean).join('\n\n'),
          'doc-url': DOCS_URL,
          attributes: attributesOf(element).map((attribute) =>
            withoutUndefined({
              name: attribute.name,
              description: attribute.description,
              value: withoutUndefined({ type: attribute.type, default: attribute.default }),
            }),
          ),
          slots: (element.slots ?? []).map(described),
          events: (element.events ?? []).map(described),
          js: {
            properties: propertiesOf(element).map((property) =>
              withoutUndefined({
                name: property.name,
                description: property.description,
                type: property.type,
                'read-only': property.readonly || undefined,
              }),
            ),
            events: (element.events ?? []).map(described),
          },
          css: {
            properties: (element.cssProperties ?? []).map(described),
            parts: (element.cssParts ?? []).map(described),
          },
        })),
      },
    },
  };
}

/** Writes the three files into `outDir`; returns their paths. */
export function writeEditorData(manifest, outDir) {
  mkdirSync(outDir, { recursive: true });
  const files = {
    'vscode.html-custom-data.json': vscodeHtmlData(manifest),
    'vscode.css-custom-data.json': vscodeCssData(manifest),
    'web-types.json': webTypes(manifest),
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(join(outDir, name), `${JSON.stringify(data, null, 2)}\n`);
  return Object.keys(files).map((name) => join(outDir, name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [manifestPath = join(root, 'custom-elements.json'), outDir = join(root, 'dist')] = process.argv.slice(2);
  for (const file of writeEditorData(JSON.parse(readFileSync(manifestPath, 'utf8')), outDir)) console.log(`wrote ${file}`);
}
