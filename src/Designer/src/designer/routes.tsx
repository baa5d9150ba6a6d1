import type { RouteObject } from 'react-router';

// The designer's pages (supervisors), each its own chunk: the modelers load only when a supervisor opens one.
export const designerRoutes: RouteObject[] = [
  { path: 'designer', lazy: async () => ({ Component: (await import('./processes/ProcessListPage')).default }) },
  { path: 'designer/processes/new', lazy: async () => ({ Component: (await import('./processes/ProcessEditorPage')).default }) },
  { path: 'designer/processes/:processId', lazy: async () => ({ Component: (await import('./processes/ProcessEditorPage')).default }) },
  { path: 'designer/processes/:processId/versions/:version', lazy: async () => ({ Component: (await import('./processes/ProcessEditorPage')).default }) },
  { path: 'designer/processes/:processId/compare', lazy: async () => ({ Component: (await import('./processes/ComparePage')).default }) },
  { path: 'designer/processes/:processId/versions/:version/live', lazy: async () => ({ Component: (await import('./live/LiveViewPage')).default }) },
  { path: 'designer/instances/:instanceId', lazy: async () => ({ Component: (await import('./live/InstancePage')).default }) },
  { path: 'designer/decisions/new', lazy: async () => ({ Component: (await import('./decisions/DecisionEditorPage')).default }) },
  { path: 'designer/decisions/:decisionId', lazy: async () => ({ Component: (await import('./decisions/DecisionEditorPage')).default }) },
  { path: 'designer/forms/new', lazy: async () => ({ Component: (await import('./forms/FormEditorPage')).default }) },
  { path: 'designer/forms/:formId', lazy: async () => ({ Component: (await import('./forms/FormEditorPage')).default }) },
];
