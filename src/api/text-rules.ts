/**
 * What text a token's name and description may hold: one rule for every backend, checked before
 * anything is stored, and written here beside the schemas so the elements can check the same.
 *
 * - No control characters: a NUL is refused by PostgreSQL and kept by other stores, an escape
 *   sequence (`\u001b[31m`) recolours the terminal of whoever reads a log. A description, typed in
 *   a text area, may hold line breaks and tabs.
 * - No bidirectional overrides, embeddings or isolates (U+202A–U+202E, U+2066–U+2069): they make
 *   `abc\u202Egpj.exe` read as "abcexe.jpg". The marks (LRM, RLM, ALM) stay allowed: right-to-left
 *   text needs them and they reorder nothing by themselves.
 * - No lone surrogates (half of a character): one store keeps them, another replaces them with
 *   U+FFFD, a third refuses them.
 * - A name with nothing visible in it (spaces, zero-width characters, fillers) is no name.
 */

/** Why a text is refused; each backend words it for its own readers. */
export type TextProblem = 'control' | 'bidi' | 'surrogate';

/** Every control character (C0, DEL, C1) and the Unicode line and paragraph separators. */
const ONE_LINE_CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** The same, but line breaks and tabs are text in a multi-line field. */
const MULTI_LINE_CONTROL = /(?![\t\n\r])\p{Cc}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** With the `u` flag a surrogate matches `\p{Cs}` only when it is not half of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Characters that draw nothing: white space, the default-ignorable code points (zero-width space
 * and joiners, word joiner, soft hyphen, BOM, variation selectors, Hangul fillers, tags…), and the
 * blank Braille pattern, which fonts draw empty.
 */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/** The first reason `text` cannot be stored, or `null` when it can. */
export function textProblem(text: string, { multiline = false }: { multiline?: boolean } = {}): TextProblem | null {
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  if ((multiline ? MULTI_LINE_CONTROL : ONE_LINE_CONTROL).test(text)) return 'control';
  if (BIDI_CONTROL.test(text)) return 'bidi';
  return null;
}

/** Whether `text` shows nothing at all: empty, white space, zero-width or other invisible characters. */
export function isInvisible(text: string): boolean {
  return INVISIBLE_ONLY.test(text);
}
