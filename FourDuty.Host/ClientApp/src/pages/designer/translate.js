// The modeler's and properties panel's labels in the page's language: bpmn-js-i18n's community Chinese translation,
// with FourDuty's own terms and the properties panel's labels (src/i18n/modeler.zh-CN.json) on top. English needs none.
import translate from 'diagram-js/lib/i18n/translate/translate';
import communityChinese from 'bpmn-js-i18n/translations/zn.js';
import ownChinese from '../../i18n/modeler.zh-CN.json';
import { currentLanguage } from '../../shared/i18n.js';

const dictionary = currentLanguage() === 'zh-CN' ? { ...communityChinese, ...ownChinese } : {};

function translateWithDictionary(template, replacements) {
  return translate(dictionary[template] || template, replacements);
}

export const translateModule = { translate: ['value', translateWithDictionary] };
