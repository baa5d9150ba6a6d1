import { Alert, App, Button, Col, Input, Row, Select, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Page } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useLiveEvent } from '../../app/live';
import { definitions, tasks, type TaskDto, type TaskQuery } from '../api';
import { useCaseHeaders } from '../shared/caseHeaders';
import { DueDate } from '../shared/DueDate';
import { errorText } from '../shared/labels';
import { LiveIndicator } from '../shared/LiveIndicator';
import { useAsync, useDebouncedCallback } from '../../app/useAsync';
import '../workspace.css';

export type InboxView = 'mine' | 'groups' | 'dueSoon' | 'overdue';
const VIEWS: InboxView[] = ['mine', 'groups', 'dueSoon', 'overdue'];
/** "Due soon": within three days (72 hours; working days are the service's business when it sets the due date). */
const DUE_SOON_HOURS = 72;

function queryFor(view: InboxView, processId: string | undefined, page: number, pageSize: number): TaskQuery {
  const base: TaskQuery = { state: 'Created', processId, page, pageSize };
  switch (view) {
    case 'mine':
      return { ...base, assignee: 'me' };
    case 'groups':
      return { ...base, claimable: true };
    case 'dueSoon':
      return { ...base, dueBefore: new Date(Date.now() + DUE_SOON_HOURS * 3600_000).toISOString() };
    case 'overdue':
      return { ...base, overdue: true };
  }
}

/**
 * The work list: my tasks, my groups' tasks to claim, what is due soon and what is overdue (in the units I see),
 * sorted by due date by the service. Changes made elsewhere arrive over the live connection: the list reloads
 * (once per burst of events) and says so.
 */
export default function InboxPage() {
  const { t } = useTranslation('workspace');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view: InboxView = VIEWS.includes(params.get('view') as InboxView) ? (params.get('view') as InboxView) : 'mine';
  const [processId, setProcessId] = useState<string>();
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [flash, setFlash] = useState(0);
  const [claiming, setClaiming] = useState<string | null>(null);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    document.title = t('inbox.title');
  }, [t]);

  const processes = useAsync(() => definitions.list(), []);
  const list = useAsync<Page<TaskDto>>((signal) => tasks.list(queryFor(view, processId, page, pageSize), signal), [view, processId, page, pageSize]);
  const caseHeaders = useCaseHeaders(list.data?.items.map((task) => task.caseId) ?? []);

  const refreshFromLive = useDebouncedCallback(() => {
    void list.reload().then(() => {
      setFlash((n) => n + 1);
      if (flashTimer.current) clearTimeout(flashTimer.current);
      flashTimer.current = setTimeout(() => setFlash(0), 4000);
    });
  }, 300);
  useLiveEvent('taskChanged', refreshFromLive);
  useEffect(() => () => {
    if (flashTimer.current) clearTimeout(flashTimer.current);
  }, []);

  const rows = useMemo(() => {
    const items = list.data?.items ?? [];
    const needle = text.trim().toLowerCase();
    if (!needle) return items;
    return items.filter((task) => {
      const header = task.caseId ? caseHeaders[task.caseId] : undefined;
      return [task.name, task.elementId, task.processId, header?.number, header?.title]
        .some((value) => value?.toLowerCase().includes(needle));
    });
  }, [list.data, text, caseHeaders]);

  async function claim(task: TaskDto) {
    setClaiming(task.id);
    try {
      await tasks.claim(task.id);
      message.success(t('inbox.claimed', { name: task.name ?? task.elementId }));
      await list.reload();
    } catch (e) {
      message.error(errorText(e, t('error')));
      await list.reload();
    } finally {
      setClaiming(null);
    }
  }

  const columns: TableColumnsType<TaskDto> = [
    {
      title: t('inbox.columns.task'),
      key: 'task',
      render: (_, task) => (
        task.caseId
          ? <Link to={`/cases/${task.caseId}?task=${task.id}`}>{task.name ?? task.elementId}</Link>
          : <span>{task.name ?? task.elementId}</span>
      ),
    },
    {
      title: t('inbox.columns.case'),
      key: 'case',
      render: (_, task) => {
        if (!task.caseId) return <Typography.Text type="secondary">{task.processId}</Typography.Text>;
        const header = caseHeaders[task.caseId];
        return (
          <Link to={`/cases/${task.caseId}`}>
            {header ? <><strong>{header.number}</strong><br />{header.title}</> : t('inbox.caseLoading')}
          </Link>
        );
      },
    },
    { title: t('inbox.columns.due'), key: 'due', render: (_, task) => <DueDate value={task.dueDate} /> },
    { title: t('inbox.columns.created'), key: 'created', responsive: ['md'], render: (_, task) => formatDateTime(task.createdAt) },
    {
      title: t('inbox.columns.assignee'),
      key: 'assignee',
      responsive: ['lg'],
      render: (_, task) => task.assignee ?? <Typography.Text type="secondary">{t('inbox.unassigned')}</Typography.Text>,
    },
    {
      title: t('inbox.columns.actions'),
      key: 'actions',
      render: (_, task) => (
        <Space wrap>
          {!task.assignee && (
            <Button size="small" type="primary" loading={claiming === task.id} onClick={() => void claim(task)}
              aria-label={t('inbox.claimTask', { name: task.name ?? task.elementId })}>
              {t('inbox.claim')}
            </Button>
          )}
          {task.caseId && (
            <Button size="small" onClick={() => navigate(`/cases/${task.caseId}?task=${task.id}`)}
              aria-label={t('inbox.openTask', { name: task.name ?? task.elementId })}>
              {t('inbox.open')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="cf-inbox">
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={1} className="cf-page-title">{t('inbox.title')}</Typography.Title>
        </Col>
        <Col>
          <Space>
            {flash > 0 && (
              <span className="cf-flash" role="status" data-testid="inbox-updated">{t('inbox.updated')}</span>
            )}
            <LiveIndicator />
          </Space>
        </Col>
      </Row>
      <Tabs
        activeKey={view}
        onChange={(key) => {
          setPage(1);
          setParams((p) => {
            p.set('view', key);
            return p;
          }, { replace: true });
        }}
        items={VIEWS.map((v) => ({ key: v, label: t(`inbox.views.${v}`) }))}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} md={8}>
          <Select
            aria-label={t('inbox.filterProcess')}
            placeholder={t('inbox.filterProcess')}
            allowClear
            style={{ width: '100%' }}
            value={processId}
            onChange={(value) => { setProcessId(value); setPage(1); }}
            options={(processes.data ?? []).map((p) => ({ value: p.processId, label: p.name ?? p.processId }))}
          />
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Input.Search
            aria-label={t('inbox.filterText')}
            placeholder={t('inbox.filterText')}
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Col>
      </Row>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<TaskDto>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.loading && !list.data}
        aria-label={t(`inbox.views.${view}`)}
        locale={{ emptyText: <span className="cf-muted">{t(`inbox.empty.${view}`)}</span> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('inbox.total', { count: total }),
          onChange: (p, size) => { setPage(p); setPageSize(size); },
        }}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
