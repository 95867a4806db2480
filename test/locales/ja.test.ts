/** The shipped Japanese strings: complete, registered on import, and what the elements show under lang="ja". */
import '../../src/define.js';
import { ja } from '../../src/locales/ja.js';
import { checkLocaleStrings } from '../support/locale-checks.js';
import { checkRenderedLocale } from '../support/rendered-checks.js';

describe('Japanese strings (pat-elements/locales/ja)', () => {
  checkLocaleStrings('ja', ja);
  checkRenderedLocale('ja', ja, { latinWords: ['JSON', 'HTTP', 'CI', 'CLI', 'PC', 'Ctrl', 'C', 'Mac'] });
});
