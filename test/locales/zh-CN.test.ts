/** The shipped Simplified Chinese strings: complete, registered on import, and what the elements show under lang="zh-CN". */
import '../../src/define.js';
import { zhCN } from '../../src/locales/zh-CN.js';
import { checkLocaleStrings } from '../support/locale-checks.js';
import { checkRenderedLocale } from '../support/rendered-checks.js';

describe('Simplified Chinese strings (pat-elements/locales/zh-CN)', () => {
  checkLocaleStrings('zh-CN', zhCN);
  checkRenderedLocale('zh-CN', zhCN, { latinWords: ['JSON', 'HTTP', 'CI', 'CLI', 'Ctrl', 'C', 'Mac'] });
});
