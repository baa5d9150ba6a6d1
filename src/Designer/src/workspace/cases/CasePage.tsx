import { Alert, Button, Result, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useLiveEvent, useWatchCase } from '../../app/live';
import { cases } from '../api';
import { LiveIndicator } from '../shared/LiveIndicator';
import { useAsync, useDebouncedCallback } from '../../app/useAsync';
import '../workspace.css';
import { CaseHeader } from './CaseHeader';
import { DocumentsPanel } from './DocumentsPanel';
import { NotesPanel } from './NotesPanel';
import { PartiesPanel } from './PartiesPanel';
import { ProcessDiagram } from './ProcessDiagram';
import { TaskPanel } from './TaskPanel';
import { TimelinePanel } from './TimelinePanel';

/**
 * One case: its header and the actions the user's roles allow, the current task's form, parties, documents,
 * notes, timeline and where its workflow stands. Changes made elsewhere (another worker, a timer) reload it live.
 */
export default function CasePage() {
  const { t } = useTranslation('workspace');
  const { caseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState(params.get('tab') ?? 'task');
  /** Bumped whenever the case changed, so the panels read their parts again. */
  const [changes, setChanges] = useState(0);
  const current = useAsync((signal) => cases.get(caseId, signal), [caseId]);

  const reload = async () => {
    await current.reload();
    setChanges((n) => n + 1);
  };
  const reloadSoon = useDebouncedCallback(() => void reload(), 300);

  useWatchCase(caseId);
  useLiveEvent('caseChanged', (event) => {
    if (event.caseId === caseId) reloadSoon();
  });
  useLiveEvent('taskChanged', (event) => {
    if (event.caseId === caseId) reloadSoon();
  });

  useEffect(() => {
    if (current.data) document.title = `${current.data.number} · ${t('case.title')}`;
  }, [current.data, t]);

  if (current.error && !current.data) {
    const missing = current.error instanceof ApiError && current.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h1 className="cf-page-title" style={{ fontSize: 24 }}>{missing ? t('case.notFound') : t('error')}</h1>}
        subTitle={current.error.message}
        extra={<Link to="/cases">{t('case.backToSearch')}</Link>}
      />
    );
  }
  if (!current.data) return <div className="cf-center"><Spin size="large" /></div>;
  const c = current.data;

  return (
    <div className="cf-case">
      <Space style={{ float: 'right' }}>
        <LiveIndicator />
        <Button size="small" onClick={() => void reload()}>{t('case.reload')}</Button>
      </Space>
      <CaseHeader value={c} onReload={reload} />
      {current.error && <Alert type="error" showIcon title={current.error.message} />}
      <Tabs
        style={{ marginTop: 16 }}
        activeKey={tab}
        onChange={(key) => {
          setTab(key);
          setParams((p) => {
            p.set('tab', key);
            return p;
          }, { replace: true });
        }}
        destroyOnHidden
        items={[
          {
            key: 'task',
            label: `${t('case.tabs.task')} (${c.openTasks.length})`,
            children: <TaskPanel openTasks={c.openTasks} selectedTaskId={params.get('task')} onChanged={reload} />,
          },
          { key: 'parties', label: `${t('case.tabs.parties')} (${c.parties.length})`, children: <PartiesPanel parties={c.parties} /> },
          {
            key: 'documents',
            label: `${t('case.tabs.documents')} (${c.documentCount})`,
            children: <DocumentsPanel caseId={c.id} refreshKey={changes} onChanged={() => void current.reload()} />,
          },
          {
            key: 'notes',
            label: `${t('case.tabs.notes')} (${c.noteCount})`,
            children: <NotesPanel caseId={c.id} refreshKey={changes} onAdded={() => void current.reload()} />,
          },
          { key: 'timeline', label: t('case.tabs.timeline'), children: <TimelinePanel caseId={c.id} refreshKey={changes} /> },
          { key: 'diagram', label: t('case.tabs.diagram'), children: <ProcessDiagram caseInstances={c.instances} refreshKey={changes} /> },
        ]}
      />
    </div>
  );
}
