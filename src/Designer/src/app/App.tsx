import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { designerRoutes } from '../designer/routes';
import { workspaceRoutes } from '../workspace/routes';
import { AuthProvider, useAuth } from './auth';
import ChangePasswordPage from './ChangePasswordPage';
import { LiveProvider } from './live';
import Shell, { homeFor } from './Shell';
import SignInPage from './SignInPage';

function Home() {
  const { me } = useAuth();
  return <Navigate to={homeFor(me?.grants.map((g) => g.role) ?? [])} replace />;
}

function NotFound() {
  const { t } = useTranslation();
  return <h1>{t('notFound')}</h1>;
}

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/password', element: <ChangePasswordPage /> },
  {
    path: '/',
    element: <Shell />,
    children: [{ index: true, element: <Home /> }, ...workspaceRoutes, ...designerRoutes, { path: '*', element: <NotFound /> }],
  },
]);

export default function App() {
  const { i18n } = useTranslation();
  return (
    // Secondary text and links darker than antd's defaults, so they keep WCAG AA contrast (4.5:1) on white and grey.
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#c41d1d', borderRadius: 6, fontSize: 15, colorTextSecondary: 'rgba(0,0,0,0.66)', colorTextTertiary: 'rgba(0,0,0,0.62)', colorTextDescription: 'rgba(0,0,0,0.66)', colorTextPlaceholder: 'rgba(0,0,0,0.55)', colorLink: '#0958d9' } }}
    >
      <AntApp>
        <AuthProvider>
          <LiveProvider>
            <RouterProvider router={router} />
          </LiveProvider>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
