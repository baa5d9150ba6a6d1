import { Alert, App, Button, Card, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { tasks, type CaseTaskDto } from '../api';
import { DueDate } from '../shared/DueDate';
import { errorText } from '../shared/labels';
import { TaskForm } from './TaskForm';

interface Props {
  openTasks: CaseTaskDto[];
  /** The task asked for in the address (?task=), shown first. */
  selectedTaskId: string | null;
  onChanged: () => Promise<void> | void;
}

/** The case's open tasks: claim one that is free, fill in and complete one that is yours. */
export function TaskPanel({ openTasks, selectedTaskId, onChanged }: Props) {
  const { t } = useTranslation('workspace');
  const { message } = App.useApp();
  const { me } = useAuth();
  const [busy, setBusy] = useState<string | null>(null);

  if (openTasks.length === 0) return <Empty description={t('case.task.none')} />;
  const ordered = [...openTasks].sort((a, b) => (a.id === selectedTaskId ? -1 : b.id === selectedTaskId ? 1 : 0));

  async function run(taskId: string, action: 'claim' | 'unclaim') {
    setBusy(taskId);
    try {
      await (action === 'claim' ? tasks.claim(taskId) : tasks.unclaim(taskId));
      await onChanged();
    } catch (e) {
      message.error(errorText(e, t('error')));
      await onChanged();
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {ordered.map((task) => {
        const mine = !!me && task.assignee === me.name;
        const name = task.name ?? task.elementId;
        return (
          <Card
            key={task.id}
            size="small"
            title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{name}</Typography.Title>}
            extra={(
              <Space wrap>
                {!task.assignee && (
                  <Button type="primary" loading={busy === task.id} onClick={() => void run(task.id, 'claim')}
                    aria-label={t('inbox.claimTask', { name })}>
                    {t('inbox.claim')}
                  </Button>
                )}
                {mine && (
                  <Button loading={busy === task.id} onClick={() => void run(task.id, 'unclaim')}>{t('case.task.unclaim')}</Button>
                )}
              </Space>
            )}
          >
            <Space wrap size="large" style={{ marginBottom: 12 }}>
              <span>{t('case.task.assignee')}: {task.assignee ?? t('inbox.unassigned')}</span>
              <span>{t('case.task.created')}: {formatDateTime(task.createdAt)}</span>
              <span>{t('case.task.due')}: <DueDate value={task.dueDate} /></span>
            </Space>
            {mine ? (
              <TaskForm
                taskId={task.id}
                onCompleted={() => {
                  message.success(t('case.task.completed', { name }));
                  void onChanged();
                }}
              />
            ) : task.assignee ? (
              <Alert type="info" showIcon title={t('case.task.assignedToOther', { user: task.assignee })} />
            ) : (
              <Alert type="info" showIcon title={t('case.task.claimFirst')} />
            )}
          </Card>
        );
      })}
    </Space>
  );
}
