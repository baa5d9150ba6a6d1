// One instance: its diagram with the path it took (history) and where it stands now (active elements), its
// variables and its history.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Alert, Col, Descriptions, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../app/format';
import { designerApi, type HistoryEntry } from '../api';
import { mark } from '../shared/bpmn';
import DiagramViewer from '../shared/DiagramViewer';
import { useAsync } from '../../app/useAsync';

const PATH_EVENTS = new Set(['ElementEntered', 'ElementLeft', 'FlowTaken']);

export default function InstancePage() {
  const { t } = useTranslation('designer');
  const { instanceId } = useParams();
  const id = instanceId!;
  const loaded = useAsync(async () => {
    const [instance, history] = await Promise.all([designerApi.instance(id), designerApi.history(id)]);
    const xml = await designerApi.versionXml(instance.processId, instance.version);
    return { instance, history, xml };
  }, [id]);

  const data = loaded.data;
  const onReady = (viewer: any) => {
    if (!data) return;
    // The service's path (elements entered, flows taken); from the history list when it does not send one.
    const visited = new Set(data.instance.visited
      ? [...data.instance.visited, ...(data.instance.takenFlows ?? [])]
      : data.history.filter((h) => PATH_EVENTS.has(h.type) && h.elementId).map((h) => h.elementId!));
    const current = new Set(data.instance.activeElements.map((e) => e.elementId));
    mark(viewer, [...visited].filter((e) => !current.has(e)), 'cf-visited');
    mark(viewer, current, 'cf-current');
  };

  return (
    <div className="cf-designer">
      <Typography.Title level={1} className="cf-page-title">{t('instance.title', { id })}</Typography.Title>
      {loaded.error && <Alert type="error" showIcon className="cf-gap" title={loaded.error.message} />}
      {data && (
        <>
          <Descriptions size="small" className="cf-gap" column={{ xs: 1, md: 2, xl: 4 }} items={[
            { key: 'process', label: t('instance.process'), children: <Link to={`/designer/processes/${encodeURIComponent(data.instance.processId)}/versions/${data.instance.version}/live`}>{t('instance.processVersion', { id: data.instance.processId, version: data.instance.version })}</Link> },
            { key: 'status', label: t('instance.status'), children: <Tag color={data.instance.status === 'Active' ? 'blue' : data.instance.status === 'Completed' ? 'green' : 'default'}>{t(`instance.statuses.${data.instance.status}`)}</Tag> },
            { key: 'started', label: t('live.startedAt'), children: formatDateTime(data.instance.startedAt) },
            { key: 'current', label: t('instance.current'), children: data.instance.activeElements.map((e) => e.elementId).join(', ') || '—' },
          ]} />
          <Typography.Paragraph type="secondary">{t('instance.legend')}</Typography.Paragraph>
          <DiagramViewer xml={data.xml} onReady={onReady} label={t('instance.diagram', { id })} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={10}>
              <Typography.Title level={2} style={{ fontSize: 18 }}>{t('instance.variables')}</Typography.Title>
              <Table
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={Object.entries(data.instance.variables).map(([name, value]) => ({ name, value: JSON.stringify(value) }))}
                columns={[
                  { title: t('instance.variable'), dataIndex: 'name' },
                  { title: t('instance.value'), dataIndex: 'value', render: (v: string) => <Typography.Text code className="cf-wrap">{v}</Typography.Text> },
                ]}
              />
            </Col>
            <Col xs={24} lg={14}>
              <Typography.Title level={2} style={{ fontSize: 18 }}>{t('instance.history')}</Typography.Title>
              <Table<HistoryEntry>
                size="small"
                rowKey="seq"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={data.history}
                columns={[
                  { title: t('instance.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
                  { title: t('instance.event'), dataIndex: 'type', render: (type: string) => t(`instance.events.${type}`, { defaultValue: type }) },
                  { title: t('instance.element'), dataIndex: 'elementId' },
                  { title: t('instance.user'), dataIndex: 'user' },
                  { title: t('instance.detail'), key: 'detail', render: (_, h) => h.detail ?? (h.variable ? `${h.variable} = ${JSON.stringify(h.newValue)}` : '') },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
