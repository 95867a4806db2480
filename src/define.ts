/**
 * `pat-elements/define`: registers every tag. Safe to import twice: a tag already registered
 * (by another copy of the package) is left alone.
 *
 * Importing it also brings the global typings: `document.querySelector('pat-token-list')` is a
 * `PatTokenList`, and `addEventListener('pat-token-created', …)` is typed on elements, `document`
 * and `window`.
 */
import './global-types.js';
import { PatGenerateDialog } from './generate-dialog/generate-dialog.js';
import { defineElement } from './internal/define-element.js';
import { PatTokenList } from './token-list/token-list.js';
import { PatTokenReveal } from './token-reveal/token-reveal.js';

defineElement('pat-token-reveal', PatTokenReveal);
defineElement('pat-generate-dialog', PatGenerateDialog);
defineElement('pat-token-list', PatTokenList);
