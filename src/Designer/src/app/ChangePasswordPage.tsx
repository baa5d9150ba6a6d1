import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from './api';
import { useAuth } from './auth';

/** The first sign-in's password change (and any later one): the service ends other sessions on success. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { me, refresh } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { currentPassword: string; newPassword: string }) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password', values);
      // The service signed this cookie in again with the new stamp: read who we are afresh.
      await refresh();
      navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="cf-sign-in">
      <Card className="cf-sign-in-card">
        <Typography.Title level={1}>{t('password.title')}</Typography.Title>
        {me?.mustChangePassword && <Typography.Paragraph>{t('password.mustChange')}</Typography.Paragraph>}
        {error && <Alert role="alert" type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} name="change-password">
          <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item label={t('password.new')} name="newPassword" rules={[{ required: true }, { min: 10, message: t('password.tooShort') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('password.repeat')} name="repeat" dependencies={['newPassword']}
            rules={[{ required: true }, ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('password.submit')}</Button>
        </Form>
      </Card>
    </main>
  );
}
