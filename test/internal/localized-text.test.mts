// Text per language (`Text`), as the elements read it: the page's tag, else its language, else
// English, else the first given; blanks count as missing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textIn } from '../../src/internal/localized-text.js';

const label = { en: 'Read issues', de: 'Issues lesen', 'pt-BR': 'Ler issues', ar: 'قراءة المشكلات' };

test('the exact tag, whatever its case', () => {
  assert.equal(textIn(label, 'pt-BR'), 'Ler issues');
  assert.equal(textIn(label, 'PT-br'), 'Ler issues');
});

test('else the language: `de` for `de-AT`, and a sibling region before English', () => {
  assert.equal(textIn(label, 'de-AT'), 'Issues lesen');
  assert.equal(textIn(label, 'pt-PT'), 'Ler issues');
});

test('else English (any English), else the first given', () => {
  assert.equal(textIn(label, 'fr'), 'Read issues');
  assert.equal(textIn({ 'en-GB': 'Colour', de: 'Farbe' }, 'ja'), 'Colour');
  assert.equal(textIn({ de: 'Farbe', fr: 'Couleur' }, 'ja'), 'Farbe');
});

test('a plain string is itself in every language; blanks and non-text are nothing', () => {
  assert.equal(textIn('Read issues', 'ar'), 'Read issues');
  assert.equal(textIn({ de: '  ', en: 'Read' }, 'de'), 'Read');
  assert.equal(textIn('  ', 'en'), undefined);
  assert.equal(textIn(undefined, 'en'), undefined);
  assert.equal(textIn(42 as never, 'en'), undefined);
});
