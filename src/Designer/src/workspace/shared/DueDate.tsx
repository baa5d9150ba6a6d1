import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../app/format';
import { DANGER_TEXT } from './labels';

/** A due date as "in 3 days" with the date; past due in red and with the word, so colour is not the only sign. */
export function DueDate({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation('workspace');
  if (!value) return <Typography.Text type="secondary">{t('due.none')}</Typography.Text>;
  const overdue = new Date(value).getTime() < Date.now();
  return (
    <span className={overdue ? 'cf-overdue' : undefined}>
      <Typography.Text strong={overdue} style={overdue ? { color: DANGER_TEXT } : undefined}>
        {overdue ? `${t('due.overdue')} · ` : ''}
        {formatRelative(value)}
      </Typography.Text>
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>{formatDateTime(value)}</Typography.Text>
    </span>
  );
}
