/**
 * `pat-elements`: classes, the REST client and types. Importing this module registers nothing;
 * import `pat-elements/define` (or call `defineElement`) to register the tags.
 */
export * from './api/index.js';
export * from './events/index.js';
export { defineElement } from './internal/define-element.js';
export type { ErrorStrings } from './internal/strings.js';
