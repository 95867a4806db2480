// Types of markdown.mjs, for the TypeScript tests that read the docs.
export const root: string;
export function readDoc(path: string): string;
export function prose(markdown: string): string;
export function headings(markdown: string): { level: number; title: string }[];
export function section(markdown: string, title: string, file?: string): string;
export function codeBlocks(markdown: string, lang?: string): string[];
export function docSnippet(path: string, title: string, lang: string, index?: number): string;
export function slug(title: string): string;
export function anchors(markdown: string): Set<string>;
export function links(markdown: string): string[];
