import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../../app/live';

/** Whether the page hears changes made elsewhere: a word beside the dot, not a colour alone. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  const colour = status === 'connected' ? 'green' : status === 'disconnected' ? 'red' : 'orange';
  const label = status === 'connected' ? t('live.connected') : status === 'disconnected' ? t('live.disconnected') : t('live.reconnecting');
  return (
    <span role="status" aria-live="polite" data-live-status={status}>
      <Badge color={colour} text={label} />
    </span>
  );
}
