import { Alert, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { cases, type TimelineLineDto } from '../api';
import { useAsync } from '../../app/useAsync';

const COLOURS: Record<TimelineLineDto['source'], string> = { case: 'blue', note: 'gray', workflow: 'green' };

/** What happened to the case, newest first: its own events, notes and its workflows' steps. */
export function TimelinePanel({ caseId, refreshKey }: { caseId: string; refreshKey: number }) {
  const { t } = useTranslation('workspace');
  const timeline = useAsync(() => cases.timeline(caseId), [caseId, refreshKey]);
  if (timeline.error) return <Alert type="error" showIcon title={timeline.error.message} />;
  if (!timeline.data) return <Spin />;
  return (
    <Timeline
      items={timeline.data.items.map((line, i) => ({
        key: `${line.at}-${i}`,
        color: COLOURS[line.source],
        content: (
          <div>
            <Typography.Text strong>{t(`timeline.${line.source}`)} · {t(`timelineKind.${line.kind}`, { defaultValue: line.kind })}</Typography.Text>
            {line.text && <div style={{ whiteSpace: 'pre-wrap' }}>{line.text}</div>}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>{formatDateTime(line.at)}{line.who ? ` · ${line.who}` : ''}</Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
