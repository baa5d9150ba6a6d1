import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './i18n';

const LABELS: Record<string, string> = { 'zh-CN': '中文', en: 'EN' };

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented
      aria-label={t('language')}
      size="small"
      value={i18n.language}
      options={LANGUAGES.map((lng) => ({ label: LABELS[lng], value: lng }))}
      onChange={(lng) => void i18n.changeLanguage(String(lng))}
    />
  );
}
