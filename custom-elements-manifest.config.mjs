/**
 * `npm run analyze` → custom-elements.json, read from the elements' JSDoc (`@summary`, `@fires`,
 * `@csspart`, `@cssprop`, `@slot`) by the Custom Elements Manifest analyzer with its Lit plugin.
 *
 * Our own plugins fill in what the analyzer cannot see in this codebase:
 * - tags are registered with `defineElement('pat-x', Class)` in src/define.ts, not with
 *   `customElements.define` or a decorator;
 * - events are dispatched with `this.emit('pat-x', detail)`, typed by `PatEventMap`;
 * - a property whose setter takes another type than its getter returns (the reveal's write-only
 *   `secret`) is documented with the type a host sets;
 * - events of a composed pat element bubble out of its parent (they are `composed`), so the
 *   parent fires them too;
 * - a `@cssprop` without a `[--name=default]` takes its default from the element's styles;
 * - the package ships `dist/**.js`, not `src/**.ts`, so module paths point there.
 *
 * The manifest is checked for staleness by `scripts/check-manifest.mjs` (part of `npm test`).
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import ts from 'typescript';

const EVENTS_MODULE = 'src/events/index.ts';
/** The modules a host imports (package.json `exports` `.` and `./define`), kept whole. */
const ENTRY_POINTS = ['src/index.ts', 'src/define.ts'];
const EVENT_MAP = 'PatEventMap';

export default {
  globs: ['src/**/*.ts'],
  // The REST client, mock and event types hold no elements; the rest is pruned to the public API.
  exclude: ['src/**/*.test.ts', 'src/api/**', 'src/mock/**', 'src/events/**'],
  litelement: true,
  // The analyzer would otherwise rewrite package.json's `customElements` to its output path.
  packagejson: false,
  plugins: [
    defineElementCallsPlugin(),
    emittedEventsPlugin(),
    settableTypesPlugin(),
    composedEventsPlugin(),
    cssPropertyDefaultsPlugin(),
    publicApiPlugin(),
    shippedPathsPlugin(),
  ],
};

/** `defineElement('pat-x', PatX)` registers a tag exactly as `customElements.define` would. */
function defineElementCallsPlugin() {
  return {
    name: 'pat: defineElement calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      // Only a module-level call is what importing the module does (not one inside a method).
      if (!ts.isExpressionStatement(node.parent) || !ts.isSourceFile(node.parent.parent)) return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteralLike(tag) || !ts.isIdentifier(klass)) return;
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: klass.text, module: importedFrom(ts, node.getSourceFile(), klass.text) },
      });
    },
  };
}

/** The module (as `src/…ts`) a name is imported from, or the current module. */
function importedFrom(ts, sourceFile, name) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (bindings.elements.some((element) => element.name.text === name)) {
      const specifier = statement.moduleSpecifier.text;
      if (!specifier.startsWith('.')) return specifier;
      return posix.join(posix.dirname(sourceFile.fileName), specifier).replace(/\.js$/, '.ts');
    }
  }
  return sourceFile.fileName;
}

/**
 * `PatEventMap` from src/events: event name → type text, and each detail interface's JSDoc, so an
 * event found in code gets the same type and description a host sees in `addEventListener`.
 */
function readEventMap() {
  const types = new Map();
  const descriptions = new Map();
  const read = (path) => ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const index = read(EVENTS_MODULE);
  const files = [index];
  for (const statement of index.statements) {
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      files.push(read(posix.join(posix.dirname(EVENTS_MODULE), statement.moduleSpecifier.text.replace(/\.js$/, '.ts'))));
    }
  }
  for (const file of files) {
    for (const statement of file.statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      const doc = ts.getJSDocCommentsAndTags(statement).find(ts.isJSDoc);
      const comment = typeof doc?.comment === 'string' ? doc.comment : undefined;
      if (comment) descriptions.set(statement.name.text, comment.replace(/\s*\n\s*/g, ' '));
      if (statement.name.text !== EVENT_MAP) continue;
      for (const member of statement.members) {
        if (ts.isPropertySignature(member) && member.type && ts.isStringLiteral(member.name)) {
          types.set(member.name.text, member.type.getText(file));
        }
      }
    }
  }
  return { types, descriptions };
}

/** `this.emit('pat-x', …)` in a class means the element fires `pat-x`. */
function emittedEventsPlugin() {
  let eventMap;
  return {
    name: 'pat: emitted events',
    initialize() {
      eventMap = readEventMap();
    },
    analyzePhase({ ts, node, moduleDoc }) {
      if (!(ts.isClassDeclaration(node) || ts.isClassExpression(node)) || !node.name) return;
      const classDoc = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      if (!classDoc) return;
      const emitted = new Set();
      const dynamic = new Set();
      (function visit(child) {
        if (ts.isCallExpression(child) && isThisEmit(ts, child.expression)) {
          const [name] = child.arguments;
          if (name && ts.isStringLiteralLike(name)) emitted.add(name.text);
        }
        // `new CustomEvent(name, …)` with a variable name (the base class's `emit`) is no event.
        if (ts.isNewExpression(child) && ts.isIdentifier(child.expression) && /Event$/.test(child.expression.text)) {
          const [name] = child.arguments ?? [];
          if (name && !ts.isStringLiteralLike(name)) dynamic.add(name.getText());
        }
        ts.forEachChild(child, visit);
      })(node);

      classDoc.events = (classDoc.events ?? []).filter((event) => !dynamic.has(event.name));
      for (const name of emitted) {
        let event = classDoc.events.find((e) => e.name === name);
        if (!event) {
          event = { name };
          classDoc.events.push(event);
        }
        completeEvent(event, eventMap);
      }
      // A `@fires` tag for a pat- event gets its type from the event map too.
      for (const event of classDoc.events) if (eventMap.types.has(event.name)) completeEvent(event, eventMap);
    },
  };
}

function isThisEmit(ts, callee) {
  return ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && callee.name.text === 'emit';
}

function completeEvent(event, eventMap) {
  const type = eventMap.types.get(event.name);
  if (!type) return;
  if (!event.type || event.type.text === 'CustomEvent' || event.type.text === 'Event') event.type = { text: type };
  if (!event.description) {
    const detail = /<(\w+)>/.exec(type)?.[1];
    const description = detail && eventMap.descriptions.get(detail);
    if (description) event.description = description;
  }
}

/**
 * `set secret(value: string | undefined)` with `get secret(): undefined` is a property a host
 * sets to a string: document the setter's type, not the getter's.
 */
function settableTypesPlugin() {
  return {
    name: 'pat: settable types',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!(ts.isClassDeclaration(node) || ts.isClassExpression(node)) || !node.name) return;
      const classDoc = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      for (const setter of node.members.filter(ts.isSetAccessorDeclaration)) {
        const type = setter.parameters[0]?.type?.getText();
        const field = classDoc?.members?.find((m) => m.kind === 'field' && m.name === setter.name.getText());
        if (type && field && field.type?.text !== type) field.type = { text: type };
      }
    },
  };
}

/**
 * Events of the pat elements an element renders reach its host too. What it renders is what its
 * `static dependencies = { 'pat-x': PatX }` declares (the templates may live in other modules).
 */
function composedEventsPlugin() {
  const renderedTags = new Map(); // class name → the tags of its `static dependencies`
  return {
    name: 'pat: events of composed elements',
    analyzePhase({ ts, node }) {
      if (!(ts.isClassDeclaration(node) || ts.isClassExpression(node)) || !node.name) return;
      const dependencies = node.members.find(
        (member) =>
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'dependencies' &&
          member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
      );
      if (!dependencies?.initializer || !ts.isObjectLiteralExpression(dependencies.initializer)) return;
      const tags = dependencies.initializer.properties.map((entry) => entry.name && ts.isStringLiteral(entry.name) && entry.name.text);
      renderedTags.set(node.name.text, new Set(tags.filter((tag) => tag?.startsWith('pat-'))));
    },
    packageLinkPhase({ customElementsManifest }) {
      const elements = customElementsManifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
      const byTag = new Map(elements.map((element) => [element.tagName, element]));
      const eventsOf = (element, seen = new Set([element.tagName])) => {
        const events = [...(element.events ?? [])];
        for (const tag of renderedTags.get(element.name) ?? []) {
          const child = byTag.get(tag);
          if (!child || seen.has(tag)) continue;
          seen.add(tag);
          for (const event of eventsOf(child, seen)) {
            if (!events.some((e) => e.name === event.name)) events.push({ ...event, fromComposed: tag });
          }
        }
        return events;
      };
      const all = new Map(elements.map((element) => [element, eventsOf(element)]));
      for (const [element, events] of all) {
        element.events = events.map(({ fromComposed, inheritedFrom, ...event }) =>
          fromComposed
            ? { ...event, description: withComposedNote(event.description, fromComposed) }
            : { ...event, ...(inheritedFrom ? { inheritedFrom } : {}) },
        );
        if (!element.events.length) delete element.events;
      }
    },
  };
}

function withComposedNote(description, tag) {
  const note = `(From the composed \`<${tag}>\`.)`;
  return description ? `${description} ${note}` : note;
}

const THEME_FOLDER = 'src/internal';

/**
 * Custom property defaults declared in the shared theme or in the styles of an element's folder:
 * `--pat-x: value` or the fallback of `var(--pat-x, value)`. The JSDoc `[--pat-x=value]` wins
 * where both exist; the theme has the one default of each shared property, so the JSDoc of an
 * element documents what a property does there, not its default.
 */
function cssPropertyDefaultsPlugin() {
  const defaultsByFolder = new Map();
  return {
    name: 'pat: css property defaults',
    collectPhase({ ts, node }) {
      if (!ts.isTaggedTemplateExpression(node) || node.tag.getText() !== 'css') return;
      const folder = posix.dirname(node.getSourceFile().fileName);
      const defaults = defaultsByFolder.get(folder) ?? new Map();
      for (const [name, value] of customPropertyDefaults(node.template.getText().slice(1, -1))) {
        if (!defaults.has(name)) defaults.set(name, value);
      }
      defaultsByFolder.set(folder, defaults);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        const own = defaultsByFolder.get(posix.dirname(module.path));
        // The shared theme (src/internal/theme.styles.ts) gives every element its defaults.
        const defaults = new Map([...(defaultsByFolder.get(THEME_FOLDER) ?? []), ...(own ?? [])]);
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          for (const property of declaration.cssProperties ?? []) {
            const value = defaults.get(property.name);
            if (property.default === undefined && value !== undefined) property.default = value;
          }
          const documented = new Set((declaration.cssProperties ?? []).map((p) => p.name));
          if (!declaration.tagName) continue;
          for (const name of own?.keys() ?? []) {
            if (!documented.has(name))
              console.warn(`custom-elements.json: ${declaration.tagName ?? declaration.name} uses ${name} without a @cssprop tag.`);
          }
        }
      }
    },
  };
}

/** Public `--pat-*` custom properties (not private `--_x`) with the default each is given. */
export function customPropertyDefaults(cssText) {
  const found = new Map();
  const add = (name, value) => {
    const trimmed = value.trim();
    if (name.startsWith('--pat-') && trimmed && !found.has(name)) found.set(name, trimmed.replace(/\s+/g, ' '));
  };
  // Declarations: `--pat-x: value;` (value up to the next `;` or `}` outside parentheses).
  for (const match of cssText.matchAll(/(?:^|[;{\s])(--pat-[\w-]+)\s*:/g)) {
    add(match[1], balancedUntil(cssText, match.index + match[0].length, [';', '}']));
  }
  // Fallbacks: `var(--pat-x, value)`.
  for (const match of cssText.matchAll(/var\(\s*(--pat-[\w-]+)\s*,/g)) {
    add(match[1], balancedUntil(cssText, match.index + match[0].length, [')']));
  }
  return found;
}

/** The text from `start` to the first stop character not nested in parentheses. */
function balancedUntil(text, start, stops) {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (depth === 0 && stops.includes(char)) return text.slice(start, i);
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
  }
  return text.slice(start);
}

/**
 * Only what a host can use: the package's entry points, the registered elements and the base
 * classes and mixins they inherit from (whose members are listed on each element too). Helper,
 * style and string modules are implementation details; private members are left out.
 */
function publicApiPlugin() {
  return {
    name: 'pat: public API only',
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((m) => m.declarations ?? []);
      const byName = new Map(declarations.map((d) => [d.name, d]));
      const kept = new Set(declarations.filter((d) => d.customElement && d.tagName));
      const addAncestors = (declaration) => {
        for (const parent of [declaration.superclass, ...(declaration.mixins ?? [])]) {
          const found = parent && byName.get(parent.name);
          if (found && !kept.has(found)) {
            kept.add(found);
            addAncestors(found);
          }
        }
      };
      [...kept].forEach(addAncestors);
      const keptNames = new Set([...kept].map((d) => d.name));

      customElementsManifest.modules = customElementsManifest.modules.filter((module) => {
        if (ENTRY_POINTS.includes(module.path)) return true;
        module.declarations = (module.declarations ?? []).filter((d) => kept.has(d));
        const names = new Set(module.declarations.map((d) => d.name));
        // Definitions of kept elements only: `customElements.define(tag, ctor)` in a helper is none.
        module.exports = (module.exports ?? []).filter((e) =>
          e.kind === 'custom-element-definition' ? keptNames.has(e.declaration?.name) : names.has(e.declaration?.name),
        );
        return module.declarations.length + module.exports.length > 0;
      });
      for (const declaration of customElementsManifest.modules.flatMap((m) => m.declarations ?? [])) {
        // A base class is not an element a host can use: only registered tags are.
        if (declaration.customElement && !declaration.tagName) delete declaration.customElement;
        if (declaration.members)
          declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
      }
    },
  };
}

/**
 * The package ships `dist/…js` built from `src/…ts` (tsconfig.build.json), so every module path
 * and reference points at the file a host can import. Modules sorted for a stable file.
 */
function shippedPathsPlugin() {
  const shipped = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
  const resolve = (reference, fromPath) => {
    if (!reference?.module) return;
    const module = reference.module;
    let path = module.startsWith('/') ? module.slice(1) : module.startsWith('.') ? posix.join(posix.dirname(fromPath), module) : module;
    path = posix.normalize(path);
    reference.module = path.startsWith('src/') ? shipped(path.replace(/\.js$/, '.ts')) : path;
  };
  return {
    name: 'pat: shipped paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        const from = module.path;
        for (const entry of module.exports ?? []) resolve(entry.declaration, from);
        for (const declaration of module.declarations ?? []) {
          resolve(declaration.superclass, from);
          for (const mixin of declaration.mixins ?? []) resolve(mixin, from);
          for (const kind of ['members', 'attributes', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates']) {
            for (const item of declaration[kind] ?? []) resolve(item.inheritedFrom, from);
          }
        }
        module.path = shipped(module.path);
      }
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}
