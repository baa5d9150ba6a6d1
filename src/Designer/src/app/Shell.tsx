import {
  ApartmentOutlined, BranchesOutlined, InboxOutlined, LogoutOutlined, PhoneOutlined, SearchOutlined, UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Spin, Typography, type MenuProps } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, type Role } from './auth';
import { LanguageSwitch } from './LanguageSwitch';

interface NavItem {
  path: string;
  label: string;
  icon: React.ReactNode;
  roles?: Role[];
}

/** Where a user lands: operators on the hotline, supervisors and everyone else in the inbox. */
export function homeFor(roles: Role[]): string {
  if (roles.includes('operator') && !roles.some((r) => r === 'caseworker' || r === 'reviewer' || r === 'approver')) return '/hotline';
  return '/inbox';
}

export default function Shell() {
  const { t } = useTranslation();
  const { me, loading, signOut, hasRole } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();

  if (loading) return <div className="cf-center"><Spin size="large" /></div>;
  if (!me) return <Navigate to="/sign-in" state={{ from: location.pathname + location.search }} replace />;
  if (me.mustChangePassword) return <Navigate to="/password" replace />;

  const items: NavItem[] = [
    { path: '/inbox', label: t('nav.inbox'), icon: <InboxOutlined /> },
    { path: '/hotline', label: t('nav.hotline'), icon: <PhoneOutlined />, roles: ['operator', 'supervisor', 'admin'] },
    { path: '/cases', label: t('nav.cases'), icon: <SearchOutlined /> },
    { path: '/designer', label: t('nav.designer'), icon: <BranchesOutlined />, roles: ['supervisor', 'admin'] },
  ];
  const visible = items.filter((item) => !item.roles || hasRole(...item.roles));
  const selected = visible.find((item) => location.pathname.startsWith(item.path))?.path;

  const userMenu: MenuProps['items'] = [
    { key: 'unit', icon: <ApartmentOutlined />, label: me.unitName ?? '', disabled: true },
    { key: 'password', label: <Link to="/password">{t('nav.changePassword')}</Link> },
    { type: 'divider' },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('nav.signOut'), onClick: () => void signOut().then(() => navigate('/sign-in')) },
  ];

  return (
    <Layout className="cf-shell">
      <Layout.Header className="cf-header">
        <Link to="/" className="cf-brand" aria-label={t('appName')}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <Typography.Text strong>{t('appName')}</Typography.Text>
        </Link>
        <nav aria-label={t('nav.main')} className="cf-nav">
          <Menu
            mode="horizontal"
            selectedKeys={selected ? [selected] : []}
            items={visible.map((item) => ({ key: item.path, icon: item.icon, label: <Link to={item.path}>{item.label}</Link> }))}
          />
        </nav>
        <div className="cf-header-tools">
          <LanguageSwitch />
          <Dropdown menu={{ items: userMenu }} trigger={['click']}>
            {/* The accessible name starts with the visible name (WCAG 2.5.3, label in name). */}
            <Button type="text" icon={<UserOutlined />} aria-label={`${me.displayName ?? me.name} · ${t('nav.account')}`}>
              {me.displayName ?? me.name}
            </Button>
          </Dropdown>
        </div>
      </Layout.Header>
      <Layout.Content className="cf-content">
        <Suspense fallback={<div className="cf-center"><Spin size="large" /></div>}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
