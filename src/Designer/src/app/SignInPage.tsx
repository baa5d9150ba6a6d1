import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from './api';
import { useAuth } from './auth';
import { LanguageSwitch } from './LanguageSwitch';

export default function SignInPage() {
  const { t } = useTranslation();
  const { me, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me) return <Navigate to={me.mustChangePassword ? '/password' : from} replace />;

  async function submit(values: { userName: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(values.userName, values.password);
      navigate(signedIn.mustChangePassword ? '/password' : from, { replace: true });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : undefined;
      setError(code === 'account_locked' ? t('signIn.locked') : e instanceof ApiError && e.status === 429 ? t('signIn.tooMany') : t('signIn.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="cf-sign-in">
      <Card className="cf-sign-in-card">
        <div className="cf-sign-in-head">
          <Typography.Title level={1}>{t('appName')}</Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('signIn.tagline')}</Typography.Paragraph>
        {error && <Alert role="alert" type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} name="sign-in">
          <Form.Item label={t('signIn.userName')} name="userName" rules={[{ required: true, message: t('signIn.userNameRequired') }]}>
            <Input autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t('signIn.password')} name="password" rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
