import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving a page with unsaved changes: in-app navigation (a dialog) and closing the tab (the
 * browser's prompt). Returns a setter for the flag that takes effect at once (a save followed by a navigation
 * in the same handler must not be asked about).
 */
export function useUnsavedChangesGuard(dirty: boolean) {
  const { t } = useTranslation('designer');
  const { modal } = App.useApp();
  const current = useRef(dirty);
  current.current = dirty;
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    current.current && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('leave.title'),
      content: t('leave.content'),
      okText: t('leave.ok'),
      cancelText: t('leave.cancel'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  return (value: boolean) => { current.current = value; };
}
