import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDate, formatDateTime, formatYuan } from '../../app/format';
import { cases, type CaseDto, type CaseStatus } from '../api';
import { DueDate } from '../shared/DueDate';
import { errorText, StatusTag, ToneTag } from '../shared/labels';

/** Who changes a case's status (Cases/CasesApi.cs Workers); auditors only read. */
const WORKERS = ['operator', 'caseworker', 'reviewer', 'approver', 'finance', 'supervisor', 'admin'] as const;
/** Moves that end or stop the work ask for a confirmation and a reason. */
const SERIOUS: CaseStatus[] = ['Closed', 'Rejected', 'Cancelled', 'Suspended'];

export function CaseHeader({ value, onReload }: { value: CaseDto; onReload: () => Promise<void> }) {
  const { t } = useTranslation('workspace');
  const c = value;
  const items = [
    { key: 'family', label: t('case.family'), children: t(`family.${c.family}`) },
    { key: 'status', label: t('case.status'), children: <StatusTag status={c.status} /> },
    { key: 'priority', label: t('case.priority'), children: t(`priority.${c.priority}`) },
    { key: 'unit', label: t('case.unit'), children: c.unitName },
    { key: 'opened', label: t('case.opened'), children: formatDateTime(c.openedAt) },
    { key: 'due', label: t('case.due'), children: <DueDate value={c.dueAt} /> },
    ...(c.closedAt ? [{ key: 'closed', label: t('case.closed'), children: formatDateTime(c.closedAt) }] : []),
    { key: 'claimed', label: t('case.amountClaimed'), children: formatYuan(c.amountClaimed) || '–' },
    { key: 'approved', label: t('case.amountApproved'), children: formatYuan(c.amountApproved) || '–' },
    { key: 'paid', label: t('case.amountPaid'), children: formatYuan(c.amountPaid) || '–' },
    ...(c.tags.length ? [{ key: 'tags', label: t('case.tags'), children: <Space wrap>{c.tags.map((tag) => <ToneTag key={tag} tone="grey">{tag}</ToneTag>)}</Space> }] : []),
  ];
  return (
    <div className="cf-case-header">
      <Space wrap align="center" style={{ marginBottom: 4 }}>
        <Typography.Title level={1} className="cf-page-title" style={{ marginBottom: 0 }}>
          {c.number}
        </Typography.Title>
        <StatusTag status={c.status} />
        {c.isCollective && <ToneTag tone="purple">{t('case.collective')}</ToneTag>}
      </Space>
      <Typography.Paragraph style={{ fontSize: 17 }}>{c.title}</Typography.Paragraph>
      {c.collectiveFlaggedAt && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }}
          title={t('case.flagged', { date: formatDate(c.collectiveFlaggedAt) })} />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={items} />
      {c.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{c.description}</Typography.Paragraph>}
      <CaseActions value={c} onReload={onReload} />
    </div>
  );
}

function CaseActions({ value, onReload }: { value: CaseDto; onReload: () => Promise<void> }) {
  const { t } = useTranslation('workspace');
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const [move, setMove] = useState<CaseStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [form] = Form.useForm<{ reason?: string }>();
  if (!hasRole(...WORKERS) || value.allowedMoves.length === 0) return null;

  async function apply(status: CaseStatus, reason?: string) {
    setBusy(true);
    setFailure(undefined);
    try {
      await cases.patch(value.id, { version: value.version, status, reason: reason?.trim() || undefined });
      message.success(t('case.actions.done', { status: t(`status.${status}`) }));
      setMove(null);
      form.resetFields();
      await onReload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'concurrent_update') {
        // Someone changed the case since it was read: show what it is now, and let the user decide again.
        message.warning(t('case.actions.conflict'));
        setMove(null);
        await onReload();
      } else {
        setFailure(errorText(e, t('error')));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="cf-case-actions" style={{ marginTop: 8 }}>
      <Space wrap>
        {value.allowedMoves.map((status) => (
          <Button key={status} danger={status === 'Cancelled' || status === 'Rejected'} loading={busy && move === status}
            onClick={() => (SERIOUS.includes(status) ? setMove(status) : void apply(status))}>
            {t(`case.actions.to.${status}`)}
          </Button>
        ))}
      </Space>
      {failure && !move && <Alert type="error" showIcon closable title={failure} style={{ marginTop: 8 }} onClose={() => setFailure(undefined)} />}
      <Modal
        open={!!move}
        title={move ? t('case.actions.confirmTitle', { action: t(`case.actions.to.${move}`), number: value.number }) : ''}
        okText={move ? t(`case.actions.to.${move}`) : ''}
        okButtonProps={{ danger: move === 'Cancelled' || move === 'Rejected', loading: busy }}
        cancelText={t('cancel')}
        onCancel={() => { setMove(null); setFailure(undefined); }}
        onOk={() => void form.validateFields().then((v) => apply(move!, v.reason))}
        destroyOnHidden
      >
        <p>{move === 'Cancelled' ? t('case.actions.cancelWarning') : t('case.actions.confirmText')}</p>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('case.actions.reason')} rules={[{ required: move === 'Cancelled' || move === 'Rejected', whitespace: true, message: t('case.actions.reasonRequired') }, { max: 4000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
        {failure && <Alert type="error" showIcon title={failure} />}
      </Modal>
    </div>
  );
}
