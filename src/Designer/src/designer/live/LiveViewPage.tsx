// A version's diagram with the number of active tokens on each element (incidents in red), refreshed every few
// seconds, and the version's running instances.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime, formatNumber } from '../../app/format';
import { designerApi, type InstanceSummary, type VersionElementStatistics } from '../api';
import { badge } from '../shared/bpmn';
import DiagramViewer from '../shared/DiagramViewer';
import { useAsync } from '../../app/useAsync';

const REFRESH_MS = 4000;

export default function LiveViewPage() {
  const { t } = useTranslation('designer');
  const { processId, version } = useParams();
  const pid = processId!;
  const v = Number(version);
  const viewer = useRef<any>(null);
  const [ready, setReady] = useState(0);

  const xml = useAsync(() => designerApi.versionXml(pid, v), [pid, v]);
  const statistics = useAsync(() => designerApi.versionStatistics(pid, v), [pid, v], REFRESH_MS);
  const instances = useAsync(async () => {
    const page = await designerApi.instances({ processId: pid, status: 'Active', pageSize: 100 });
    return page.items.filter((i) => i.version === v);
  }, [pid, v], REFRESH_MS);

  useEffect(() => {
    if (!viewer.current || !statistics.data) return;
    showCounts(viewer.current, statistics.data, t);
  }, [statistics.data, ready, t]);

  const s = statistics.data;
  const incidents = s?.elements.reduce((sum, e) => sum + e.incidents, 0) ?? 0;
  return (
    <div className="cf-designer">
      <Typography.Title level={1} className="cf-page-title">{t('live.title', { id: pid, version: v })}</Typography.Title>
      <Space wrap className="cf-toolbar">
        {s && <Tag color="blue">{t('live.active', { count: s.active, formatted: formatNumber(s.active) })}</Tag>}
        {incidents > 0 && <Tag color="red">{t('live.incidents', { count: incidents, formatted: formatNumber(incidents) })}</Tag>}
        {s && <Tag>{t('live.completed', { formatted: formatNumber(s.completed) })}</Tag>}
        <Typography.Text type="secondary">{t('live.refreshing')}</Typography.Text>
        <Link to={`/designer/processes/${encodeURIComponent(pid)}/versions/${v}`}>{t('compare.openEditor')}</Link>
      </Space>
      {(xml.error ?? statistics.error) && <Alert type="error" showIcon className="cf-gap" title={(xml.error ?? statistics.error)!.message} />}
      <DiagramViewer xml={xml.data} label={t('live.diagram', { id: pid, version: v })} onReady={(instance) => { viewer.current = instance; setReady((n) => n + 1); }} />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>{t('live.instances')}</Typography.Title>
      <Table<InstanceSummary>
        rowKey="id"
        size="small"
        loading={instances.loading && !instances.data}
        dataSource={instances.data ?? []}
        pagination={false}
        columns={[
          { title: t('live.instance'), dataIndex: 'id', render: (id: string) => <Link to={`/designer/instances/${id}`}>{id}</Link> },
          { title: t('live.businessKey'), dataIndex: 'businessKey' },
          { title: t('live.startedAt'), dataIndex: 'startedAt', render: (at: string) => formatDateTime(at) },
        ]}
      />
    </div>
  );
}

function showCounts(viewer: any, statistics: VersionElementStatistics, t: (key: string, options?: Record<string, unknown>) => string) {
  const overlays = viewer.get('overlays');
  overlays.remove({ type: 'cf-tokens' });
  overlays.remove({ type: 'cf-incidents' });
  for (const element of statistics.elements) {
    if (element.active > 0) {
      badge(viewer, element.elementId, 'cf-tokens', formatNumber(element.active), 'cf-token-badge',
        t('live.tokensAt', { count: element.active, id: element.elementId }), { bottom: 10, left: -8 });
    }
    if (element.incidents > 0) {
      badge(viewer, element.elementId, 'cf-incidents', formatNumber(element.incidents), 'cf-incident-badge',
        t('live.incidentsAt', { count: element.incidents, id: element.elementId }), { bottom: 10, right: 8 });
    }
  }
}
