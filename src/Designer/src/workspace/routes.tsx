import type { RouteObject } from 'react-router';

// The workspace's pages, each its own chunk. Nothing here may import bpmn-js' Modeler, form-js' editor or
// dmn-js: the workspace loads only viewers (browser-tests check the chunks an operator downloads).
export const workspaceRoutes: RouteObject[] = [
  { path: 'inbox', lazy: async () => ({ Component: (await import('./inbox/InboxPage')).default }) },
  { path: 'hotline', lazy: async () => ({ Component: (await import('./hotline/HotlinePage')).default }) },
  { path: 'cases', lazy: async () => ({ Component: (await import('./cases/CaseSearchPage')).default }) },
  { path: 'cases/:caseId', lazy: async () => ({ Component: (await import('./cases/CasePage')).default }) },
];
