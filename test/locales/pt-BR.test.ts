/** The shipped Brazilian Portuguese strings: complete, registered on import, and what the elements show under lang="pt-BR". */
import '../../src/define.js';
import { ptBR } from '../../src/locales/pt-BR.js';
import { checkLocaleStrings } from '../support/locale-checks.js';
import { checkRenderedLocale } from '../support/rendered-checks.js';

describe('Brazilian Portuguese strings (pat-elements/locales/pt-BR)', () => {
  // “Token” is Portuguese too; so are “{count} token(s)”, which differ only in `many` (“1.000.000 de tokens”).
  checkLocaleStrings('pt-BR', ptBR, ['activityCaller', 'revealSecretLabel']);
  checkRenderedLocale('pt-BR', ptBR, { sameAsEnglish: ['activityCaller', 'revealSecretLabel', 'tokenCount'] });
});
