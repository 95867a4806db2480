/** The shipped French strings: complete, registered on import, and what the elements show under lang="fr". */
import '../../src/define.js';
import { fr } from '../../src/locales/fr.js';
import { checkLocaleStrings } from '../support/locale-checks.js';
import { checkRenderedLocale } from '../support/rendered-checks.js';

describe('French strings (pat-elements/locales/fr)', () => {
  // “Actions” is French too.
  checkLocaleStrings('fr', fr, ['activityCaller', 'columnActions']);
  checkRenderedLocale('fr', fr, { sameAsEnglish: ['activityCaller', 'columnActions'] });
});
