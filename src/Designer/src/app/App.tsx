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

// antd's default secondary text, link blue (#1677ff) and error red (#ff4d4f) fall below WCAG AA contrast (4.5:1)
// as text on white: darker shades of the same hues keep it.
const THEME = {
  token: {
    colorPrimary: '#c41d1d', borderRadius: 6, fontSize: 15,
    colorTextSecondary: 'rgba(0,0,0,0.66)', colorTextTertiary: 'rgba(0,0,0,0.62)', colorTextDescription: 'rgba(0,0,0,0.66)',
    colorTextPlaceholder: 'rgba(0,0,0,0.55)',
    colorLink: '#0958d9', colorLinkHover: '#1677ff', colorLinkActive: '#003eb3', colorError: '#cf1322',
  },
};

// No space put between two Chinese characters of a button ("办 理"): its accessible name must contain the text shown.
const BUTTON = { autoInsertSpace: false };

export default function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={THEME} button={BUTTON}>
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
