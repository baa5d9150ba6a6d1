import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

// antd's default link blue (#1677ff) and error red (#ff4d4f) fall below WCAG AA contrast (4.5:1) as text on white:
// links, danger buttons and form messages on workspace pages use darker shades of the same hues.
const theme = { token: { colorLink: '#0958d9', colorLinkHover: '#1677ff', colorLinkActive: '#003eb3', colorError: '#cf1322' } };

// No space put between two Chinese characters of a button ("办 理"): its accessible name must contain the text shown.
const button = { autoInsertSpace: false };

export function WorkspaceTheme({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={theme} button={button}>{children}</ConfigProvider>;
}
