/**
 * Text from the server or the host that may come in several languages (`Text`): one string, or
 * one per language tag. Shown in the element's language: the exact tag, else the same language
 * (`de` for `de-AT`, or `de-CH` when only that is given), else English, else the first given.
 */
import type { Text } from '../api/schemas.js';

const language = (tag: string) => tag.toLowerCase().split('-')[0];

/** `text` for `lang`; undefined when there is none (or nothing but blanks). */
export function textIn(text: Text | undefined, lang: string): string | undefined {
  if (typeof text === 'string') return text.trim() ? text : undefined;
  if (typeof text !== 'object' || text === null) return undefined;
  const given = Object.entries(text).filter(([, value]) => typeof value === 'string' && value.trim());
  const exact = (tag: string) => given.find(([key]) => key.toLowerCase() === tag.toLowerCase());
  const sameLanguage = (tag: string) => exact(language(tag)!) ?? given.find(([key]) => language(key) === language(tag));
  return (exact(lang) ?? sameLanguage(lang) ?? sameLanguage('en') ?? given[0])?.[1];
}
