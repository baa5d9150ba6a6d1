// The designer's home: processes (live version, versions, running instances, drafts), decisions and forms.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateTime, formatNumber } from '../../app/format';
import { designerApi, type DecisionSummary, type FormSummary } from '../api';
import { useAsync } from '../../app/useAsync';
import '../designer.css';

interface ProcessRow {
  processId: string;
  name: string | null;
  latestVersion: number | null;
  versionCount: number;
  deployedAt: string | null;
  running: number | null;
  incidents: number;
  hasDraft: boolean;
}

async function loadProcesses(): Promise<ProcessRow[]> {
  const [processes, drafts] = await Promise.all([designerApi.processes(), designerApi.drafts()]);
  const statistics = await Promise.all(processes.map((p) => designerApi.statistics(p.processId).catch(() => null)));
  const draftIds = new Set(drafts.map((d) => d.processId));
  const rows: ProcessRow[] = processes.map((p, i) => ({
    processId: p.processId,
    name: p.name,
    latestVersion: p.latestVersion,
    versionCount: p.versionCount,
    deployedAt: p.deployedAt,
    running: statistics[i] ? statistics[i].reduce((sum, s) => sum + s.active, 0) : null,
    incidents: statistics[i]?.reduce((sum, s) => sum + s.incidents, 0) ?? 0,
    hasDraft: draftIds.has(p.processId),
  }));
  // A new process saved only as a draft is listed too.
  for (const d of drafts) {
    if (!processes.some((p) => p.processId === d.processId)) {
      rows.push({ processId: d.processId, name: d.name ?? null, latestVersion: null, versionCount: 0, deployedAt: null, running: null, incidents: 0, hasDraft: true });
    }
  }
  return rows;
}

function ProcessesTab() {
  const { t } = useTranslation('designer');
  const navigate = useNavigate();
  const { data, error, loading } = useAsync(loadProcesses, []);
  const enc = encodeURIComponent;
  return (
    <>
      <Space className="cf-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/designer/processes/new')}>{t('list.newProcess')}</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<ProcessRow>
        rowKey="processId"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          {
            title: t('list.process'), key: 'name',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/designer/processes/${enc(r.processId)}`}>{r.name ?? r.processId}</Link>
                <Typography.Text type="secondary" code>{r.processId}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('list.liveVersion'), key: 'live',
            render: (_, r) => (
              <Space wrap>
                {r.latestVersion !== null ? <Tag color="green">{t('list.versionTag', { version: r.latestVersion })}</Tag> : <Tag>{t('list.notDeployed')}</Tag>}
                {r.hasDraft && <Tag color="orange">{t('list.hasDraft')}</Tag>}
              </Space>
            ),
          },
          { title: t('list.versions'), dataIndex: 'versionCount', render: (v: number) => formatNumber(v) },
          {
            title: t('list.running'), key: 'running',
            render: (_, r) => (r.running === null ? '—' : (
              <Space>
                {formatNumber(r.running)}
                {r.incidents > 0 && <Tag color="red">{t('list.incidents', { count: r.incidents })}</Tag>}
              </Space>
            )),
          },
          { title: t('list.deployedAt'), dataIndex: 'deployedAt', render: (v: string | null) => formatDateTime(v) },
          {
            title: t('list.actions'), key: 'actions',
            render: (_, r) => (
              <Space wrap>
                <Link to={`/designer/processes/${enc(r.processId)}`} aria-label={t('list.openNamed', { name: r.name ?? r.processId })}>{t('list.open')}</Link>
                {r.versionCount > 1 && <Link to={`/designer/processes/${enc(r.processId)}/compare`} aria-label={t('list.compareNamed', { name: r.name ?? r.processId })}>{t('list.compare')}</Link>}
                {r.latestVersion !== null && (
                  <Link to={`/designer/processes/${enc(r.processId)}/versions/${r.latestVersion}/live`} aria-label={t('list.liveNamed', { name: r.name ?? r.processId })}>{t('list.live')}</Link>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function DecisionsTab() {
  const { t } = useTranslation('designer');
  const navigate = useNavigate();
  const { data, error, loading } = useAsync(designerApi.decisions, []);
  return (
    <>
      <Space className="cf-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/designer/decisions/new')}>{t('list.newDecision')}</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<DecisionSummary>
        rowKey="decisionId"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        columns={[
          { title: t('list.decision'), key: 'name', render: (_, d) => <Link to={`/designer/decisions/${encodeURIComponent(d.decisionId)}`}>{d.name || d.decisionId}</Link> },
          { title: t('list.id'), dataIndex: 'decisionId', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('list.file'), key: 'file', render: (_, d) => t('list.fileVersion', { key: d.key, version: d.version }) },
          { title: t('list.deployedAt'), dataIndex: 'deployedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
    </>
  );
}

function FormsTab() {
  const { t } = useTranslation('designer');
  const navigate = useNavigate();
  const { data, error, loading } = useAsync(designerApi.forms, []);
  return (
    <>
      <Space className="cf-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/designer/forms/new')}>{t('list.newForm')}</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<FormSummary>
        rowKey="formId"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        columns={[
          { title: t('list.form'), dataIndex: 'formId', render: (v: string) => <Link to={`/designer/forms/${encodeURIComponent(v)}`}>{v}</Link> },
          { title: t('list.liveVersion'), dataIndex: 'version', render: (v: number) => <Tag color="green">{t('list.versionTag', { version: v })}</Tag> },
          { title: t('list.versions'), dataIndex: 'versions', render: (v: number) => formatNumber(v) },
          { title: t('list.deployedAt'), dataIndex: 'deployedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
    </>
  );
}

export default function ProcessListPage() {
  const { t } = useTranslation('designer');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'processes';
  return (
    <div className="cf-designer">
      <Typography.Title level={1} className="cf-page-title">{t('list.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'processes' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'processes', label: t('list.processes'), children: <ProcessesTab /> },
          { key: 'decisions', label: t('list.decisions'), children: <DecisionsTab /> },
          { key: 'forms', label: t('list.forms'), children: <FormsTab /> },
        ]}
      />
    </div>
  );
}
