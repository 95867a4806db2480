import { defaultGenerateDialogStrings, type GenerateDialogStrings } from '../generate-dialog/strings.js';
import { defaultTokenListStrings, type TokenListStrings } from '../token-list/strings.js';
import { defaultTokenRevealStrings, type TokenRevealStrings } from '../token-reveal/strings.js';
import { defaultErrorStrings, type ErrorStrings } from './strings.js';

/**
 * All strings of all elements in one flat object. The list passes its `strings` to the dialog,
 * and the dialog to the reveal, so a host localises the whole feature on one tag.
 */
export interface PatStrings extends ErrorStrings, TokenListStrings, GenerateDialogStrings, TokenRevealStrings {}

export const defaultStrings: PatStrings = {
  ...defaultErrorStrings,
  ...defaultTokenListStrings,
  ...defaultGenerateDialogStrings,
  ...defaultTokenRevealStrings,
};

/** The defaults with a host's partial overrides on top (unknown keys and non-strings ignored). */
export function resolveStrings(overrides: Partial<PatStrings> | undefined): PatStrings {
  if (!overrides) return defaultStrings;
  const out = { ...defaultStrings };
  for (const key of Object.keys(defaultStrings) as (keyof PatStrings)[]) {
    const value = overrides[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}
