// Two versions of a process side by side: what was added (green), removed (red) and changed (amber), listed
// and marked on both diagrams, with each version's running instances.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Alert, Col, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatNumber } from '../../app/format';
import { designerApi } from '../api';
import DiagramViewer from '../shared/DiagramViewer';
import { mark } from '../shared/bpmn';
import { useAsync } from '../../app/useAsync';
import { diffProcesses, type ElementChange } from './diff';

const KIND_COLOUR = { added: 'green', removed: 'red', changed: 'gold' } as const;

export default function ComparePage() {
  const { t } = useTranslation('designer');
  const { processId } = useParams();
  const [params, setParams] = useSearchParams();
  const pid = processId!;

  const meta = useAsync(async () => {
    const [versions, statistics] = await Promise.all([designerApi.versions(pid), designerApi.statistics(pid).catch(() => [])]);
    return { versions, statistics };
  }, [pid]);
  const versions = meta.data?.versions ?? [];
  const from = Number(params.get('from') ?? versions[1]?.version ?? versions[0]?.version ?? 0);
  const to = Number(params.get('to') ?? versions[0]?.version ?? 0);

  const compared = useAsync(async () => {
    if (!from || !to) return null;
    const [before, after] = await Promise.all([designerApi.versionXml(pid, from), designerApi.versionXml(pid, to)]);
    return { before, after, changes: await diffProcesses(before, after) };
  }, [pid, from, to]);
  const changes = compared.data?.changes ?? [];

  const running = (version: number) => {
    const s = meta.data?.statistics.find((x) => x.version === version);
    return s ? t('compare.running', { count: s.active, formatted: formatNumber(s.active) }) : '';
  };
  const options = versions.map((v) => ({ value: v.version, label: `${t('list.versionTag', { version: v.version })}${running(v.version) ? ` · ${running(v.version)}` : ''}` }));
  const pick = (key: 'from' | 'to', value: number) => setParams({ from: String(key === 'from' ? value : from), to: String(key === 'to' ? value : to) }, { replace: true });

  const markBefore = (viewer: any) => {
    mark(viewer, changes.filter((c) => c.kind === 'removed').map((c) => c.id), 'cf-removed');
    mark(viewer, changes.filter((c) => c.kind === 'changed').map((c) => c.id), 'cf-changed');
  };
  const markAfter = (viewer: any) => {
    mark(viewer, changes.filter((c) => c.kind === 'added').map((c) => c.id), 'cf-added');
    mark(viewer, changes.filter((c) => c.kind === 'changed').map((c) => c.id), 'cf-changed');
  };

  return (
    <div className="cf-designer">
      <Typography.Title level={1} className="cf-page-title">{t('compare.title', { id: pid })}</Typography.Title>
      <Space wrap className="cf-toolbar">
        <Select aria-label={t('compare.from')} style={{ minWidth: 200 }} value={from || undefined} options={options} onChange={(v) => pick('from', v)} />
        <span aria-hidden="true">→</span>
        <Select aria-label={t('compare.to')} style={{ minWidth: 200 }} value={to || undefined} options={options} onChange={(v) => pick('to', v)} />
        <Link to={`/designer/processes/${encodeURIComponent(pid)}`}>{t('compare.openEditor')}</Link>
      </Space>
      {(meta.error ?? compared.error) && <Alert type="error" showIcon title={(meta.error ?? compared.error)!.message} />}
      {compared.data && (
        <>
          <Row gutter={[12, 12]} className="cf-gap">
            <Col xs={24} lg={12}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>{t('compare.before', { version: from })} {running(from) && <Tag>{running(from)}</Tag>}</Typography.Title>
              <DiagramViewer xml={compared.data.before} onReady={markBefore} label={t('compare.diagram', { version: from })} />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>{t('compare.after', { version: to })} {running(to) && <Tag>{running(to)}</Tag>}</Typography.Title>
              <DiagramViewer xml={compared.data.after} onReady={markAfter} label={t('compare.diagram', { version: to })} />
            </Col>
          </Row>
          <Typography.Title level={2} style={{ fontSize: 18 }}>{t('compare.changes', { count: changes.length })}</Typography.Title>
          {changes.length === 0 ? <Empty description={t('compare.same')} /> : (
            <Table<ElementChange>
              rowKey={(c) => `${c.kind}-${c.id}`}
              dataSource={changes}
              pagination={false}
              size="small"
              columns={[
                { title: t('compare.kind'), dataIndex: 'kind', render: (k: ElementChange['kind']) => <Tag color={KIND_COLOUR[k]}>{t(`compare.${k}`)}</Tag> },
                { title: t('compare.element'), key: 'el', render: (_, c) => <span><Typography.Text code>{c.id}</Typography.Text> {c.name}</span> },
                { title: t('compare.type'), dataIndex: 'type' },
                {
                  title: t('compare.what'), key: 'fields',
                  render: (_, c) => (
                    <ul className="cf-plain-list">
                      {c.fields.map((f) => (
                        <li key={f.field}><strong>{t(`compare.field.${f.field}`, { defaultValue: f.field })}</strong>{t('colon')}<del>{f.before || '—'}</del> → <ins>{f.after || '—'}</ins></li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}
