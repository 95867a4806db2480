/**
 * `pat-elements`: classes, the REST client and types. Importing this module registers nothing;
 * import `pat-elements/define` (or call `defineElement`) to register the tags.
 */
export * from './api/index.js';
export * from './events/index.js';
export { PatTokenList } from './token-list/token-list.js';
export { PatGenerateDialog } from './generate-dialog/generate-dialog.js';
export { PatTokenReveal } from './token-reveal/token-reveal.js';
export { defineElement } from './internal/define-element.js';
export { defaultStrings, type PatStrings } from './internal/pat-strings.js';
export { registerLocale } from './internal/localize.js';
export type { ErrorStrings, PluralString } from './internal/strings.js';
export type { TokenListStrings } from './token-list/strings.js';
export type { ActivityStrings } from './token-list/activity-strings.js';
export type { GenerateDialogStrings } from './generate-dialog/strings.js';
export type { TokenRevealStrings } from './token-reveal/strings.js';
