import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCommon from '../locales/zh-CN/common.json';
import enCommon from '../locales/en/common.json';
import zhWorkspace from '../locales/zh-CN/workspace.json';
import enWorkspace from '../locales/en/workspace.json';
import zhDesigner from '../locales/zh-CN/designer.json';
import enDesigner from '../locales/en/designer.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'caseflow.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'zh-CN';
}

// zh-CN first: the offices work in Chinese; English is a switch away (and the fallback for a missing key).
void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { common: zhCommon, workspace: zhWorkspace, designer: zhDesigner },
    en: { common: enCommon, workspace: enWorkspace, designer: enDesigner },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: ['common', 'workspace', 'designer'],
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

export default i18n;
