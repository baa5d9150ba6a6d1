import i18n from './i18n';

// Dates, numbers and yuan in the language's own format (zh-CN: 2026年11月30日, ¥1,234.50).

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'zh-CN');
const TIME_ZONE = 'Asia/Shanghai';

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric', timeZone: TIME_ZONE }).format(new Date(value));
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale(), {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE,
  }).format(new Date(value));
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(locale()).format(value);
}

/** Yuan, with the sign and two decimals: ¥1,234.50 in both languages (CN¥ is not what offices write). */
export function formatYuan(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(Number(value));
}

/** "in 3 days", "2 hours ago": for due dates in lists. */
export function formatRelative(value: string | Date | null | undefined, now = new Date()): string {
  if (!value) return '';
  const ms = new Date(value).getTime() - now.getTime();
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  const minutes = Math.round(ms / 60000);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}
