import { Alert, Button, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { cases } from '../api';
import { errorText } from '../shared/labels';
import { useAsync } from '../../app/useAsync';

/** Notes on the case, newest first; anyone working on cases adds one (auditors only read). */
export function NotesPanel({ caseId, refreshKey, onAdded }: { caseId: string; refreshKey: number; onAdded: () => void }) {
  const { t } = useTranslation('workspace');
  const { hasRole } = useAuth();
  const [form] = Form.useForm<{ text: string }>();
  const [saving, setSaving] = useState(false);
  const notes = useAsync(() => cases.notes(caseId), [caseId, refreshKey]);
  const mayWrite = hasRole('operator', 'caseworker', 'reviewer', 'approver', 'finance', 'supervisor', 'admin');

  async function add({ text }: { text: string }) {
    setSaving(true);
    try {
      await cases.addNote(caseId, text);
      form.resetFields();
      await notes.reload();
      onAdded();
    } catch (e) {
      form.setFields([{ name: 'text', errors: [errorText(e, t('error'))] }]);
      if (!(e instanceof ApiError)) throw e;
    } finally {
      setSaving(false);
    }
  }

  return (
    <div>
      {mayWrite && (
        <Form form={form} layout="vertical" onFinish={(v) => void add(v)}>
          <Form.Item name="text" label={t('case.notes.new')} rules={[{ required: true, whitespace: true, message: t('case.notes.required') }, { max: 4000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>{t('case.notes.add')}</Button>
        </Form>
      )}
      {notes.error && <Alert type="error" showIcon title={notes.error.message} />}
      <List
        style={{ marginTop: 16 }}
        loading={notes.loading && !notes.data}
        dataSource={notes.data?.items ?? []}
        locale={{ emptyText: <span className="cf-muted">{t('case.notes.none')}</span> }}
        renderItem={(note) => (
          <List.Item>
            <List.Item.Meta
              title={<span>{note.author} · <Typography.Text type="secondary">{formatDateTime(note.createdAt)}</Typography.Text></span>}
              description={<span style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.88)' }}>{note.text}</span>}
            />
          </List.Item>
        )}
      />
    </div>
  );
}
