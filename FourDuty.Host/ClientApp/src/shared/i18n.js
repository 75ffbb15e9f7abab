// The page's strings: one JSON file per language (src/i18n/), loaded as a chunk of its own so that a page
// fetches only its language. The Host chose the language (switch cookie, else the browser's) and wrote it
// into <html lang>.

const LANGUAGES = ['zh-CN', 'en'];
export const LANGUAGE_COOKIE = 'fourduty.lang';

export function currentLanguage() {
  const lang = document.documentElement.lang;
  return LANGUAGES.includes(lang) ? lang : 'zh-CN';
}

export function otherLanguage() {
  return currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN';
}

/** Remembers a language for a year and reloads the page in it. */
export function switchLanguage(lang) {
  document.cookie = `${LANGUAGE_COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
  location.reload();
}

let strings = {};

/** Loads the current language's strings; call once before t(). */
export async function loadStrings() {
  const lang = currentLanguage();
  const module = lang === 'en' ? await import('../i18n/en.json') : await import('../i18n/zh-CN.json');
  strings = module.default;
  return strings;
}

function lookup(key) {
  let node = strings;
  for (const part of key.split('.')) {
    node = node && typeof node === 'object' ? node[part] : undefined;
  }
  return node;
}

/** The string at a dotted key, with {name} placeholders filled from params; the key itself when missing. */
export function t(key, params = {}) {
  const text = lookup(key);
  if (typeof text !== 'string') {
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** A nested group of strings (for libraries that take a dictionary, e.g. the modeler's translations). */
export function group(key) {
  const node = lookup(key);
  return node && typeof node === 'object' ? node : {};
}
