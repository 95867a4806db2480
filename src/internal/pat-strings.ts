import { defaultGenerateDialogStrings, type GenerateDialogStrings } from '../generate-dialog/strings.js';
import { defaultActivityStrings, type ActivityStrings } from '../token-list/activity-strings.js';
import { defaultTokenListStrings, type TokenListStrings } from '../token-list/strings.js';
import { defaultTokenRevealStrings, type TokenRevealStrings } from '../token-reveal/strings.js';
import { defaultErrorStrings, type ErrorStrings } from './strings.js';

/**
 * All strings of all elements in one flat object. The list passes its `strings` to the dialog,
 * and the dialog to the reveal, so a host localises the whole feature on one tag.
 */
export interface PatStrings extends ErrorStrings, TokenListStrings, ActivityStrings, GenerateDialogStrings, TokenRevealStrings {}

export const defaultStrings: PatStrings = {
  ...defaultErrorStrings,
  ...defaultTokenListStrings,
  ...defaultActivityStrings,
  ...defaultGenerateDialogStrings,
  ...defaultTokenRevealStrings,
};

/** The keys whose strings are plural forms, and the keys of plain strings. */
export type PluralKey = { [K in keyof PatStrings]: PatStrings[K] extends string ? never : K }[keyof PatStrings];
export type TextKey = Exclude<keyof PatStrings, PluralKey>;
