import { Alert, App, Button, Form, Input, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { designerApi, type FormSchema } from '../api';
import { useAsync } from '../../app/useAsync';
import { useUnsavedChangesGuard } from '../shared/useUnsavedChangesGuard';
import FormDesigner from './FormDesigner';
import { emptyFormSchema, type FormDesignerHandle } from './formSchema';

const FORM_ID = /^[A-Za-z_][\w.-]*$/;

export default function FormEditorPage() {
  const { t } = useTranslation('designer');
  const { formId } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handle = useRef<FormDesignerHandle>(null);
  const [dirty, setDirty] = useState(false);
  const [newId, setNewId] = useState('');
  const [saving, setSaving] = useState(false);
  const isNew = !formId;
  const loaded = useAsync(async () => {
    if (!formId) return null;
    return designerApi.form(formId);
  }, [formId]);
  useUnsavedChangesGuard(dirty);

  const [newSchema, setNewSchema] = useState<FormSchema | null>(null);
  const schema = isNew ? newSchema : loaded.data?.schema ?? null;

  async function save() {
    if (!handle.current) return;
    const current = handle.current.schema();
    const id = isNew ? newId.trim() : formId!;
    setSaving(true);
    try {
      const deployed = await designerApi.deployForm({ ...current, id });
      setDirty(false);
      message.success(deployed.created ? t('forms.saved', { id, version: deployed.version }) : t('forms.unchanged', { id, version: deployed.version }));
      if (isNew) navigate(`/designer/forms/${encodeURIComponent(id)}`, { replace: true });
      else loaded.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="cf-designer">
      <Typography.Title level={1} className="cf-page-title">
        {isNew ? t('forms.newTitle') : t('forms.title', { id: formId })}
      </Typography.Title>
      {loaded.error && <Alert type="error" showIcon title={loaded.error.message} />}
      {isNew && !newSchema && (
        <Form layout="inline" onFinish={() => setNewSchema(emptyFormSchema(newId.trim(), t('forms.comment')))}>
          <Form.Item label={t('forms.formId')} name="formId" rules={[{ required: true, pattern: FORM_ID, message: t('forms.formIdRule') }]}>
            <Input value={newId} onChange={(e) => setNewId(e.target.value)} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('forms.create')}</Button>
        </Form>
      )}
      {!isNew && loaded.loading && !loaded.data && <Spin />}
      {!isNew && !loaded.loading && loaded.data === null && <Alert type="warning" showIcon title={t('forms.notFound', { id: formId })} />}
      {schema && (
        <>
          <Space wrap className="cf-toolbar">
            <Button type="primary" loading={saving} onClick={() => void save()}>{t('forms.save')}</Button>
            {loaded.data && (
              <Typography.Text type="secondary">
                {t('forms.versionInfo', { version: loaded.data.version, at: formatDateTime(loaded.data.deployedAt) })}
              </Typography.Text>
            )}
            {dirty && <Typography.Text type="warning">{t('unsaved')}</Typography.Text>}
          </Space>
          <FormDesigner schema={schema} handle={handle} onChange={() => setDirty(true)} />
        </>
      )}
    </div>
  );
}
