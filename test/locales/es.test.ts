/** The shipped Spanish strings: complete, registered on import, and what the elements show under lang="es". */
import '../../src/define.js';
import { es } from '../../src/locales/es.js';
import { checkLocaleStrings } from '../support/locale-checks.js';
import { checkRenderedLocale } from '../support/rendered-checks.js';

describe('Spanish strings (pat-elements/locales/es)', () => {
  // “Token” is Spanish too; so are “{count} token(s)”, which differ only in `many` (“1.000.000 de tokens”).
  checkLocaleStrings('es', es, ['activityCaller', 'revealSecretLabel']);
  checkRenderedLocale('es', es, { sameAsEnglish: ['activityCaller', 'revealSecretLabel', 'tokenCount'] });
});
