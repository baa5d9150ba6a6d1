// The designer's view of the service: typed DTOs (mirroring the engine's records) and one function per route.
import { api, ApiError, type Page, type Problem } from '../app/api';

export type BpmnProblem = NonNullable<Problem['problems']>[number];

export interface ProcessSummary {
  processId: string;
  name: string | null;
  latestId: string;
  latestVersion: number;
  versionCount: number;
  deployedAt: string;
}

export interface DefinitionVersion {
  id: string;
  processId: string;
  version: number;
  name: string | null;
  contentHash: string;
  deployedAt: string;
}

export interface Deployment extends DefinitionVersion {
  created: boolean;
  processes: DefinitionVersion[];
  warnings: BpmnProblem[];
}

export interface Draft {
  processId: string;
  name?: string | null;
  xml: string;
  version: number;
  basedOnVersion: number | null;
  updatedAt: string;
  updatedBy: string;
}

export type DraftSummary = Omit<Draft, 'xml'>;

export interface VersionStatistics {
  version: number;
  definitionId: string;
  active: number;
  completed: number;
  cancelled: number;
  incidents: number;
}

export interface ElementStatistics {
  elementId: string;
  active: number;
  incidents: number;
}

export interface VersionElementStatistics {
  version: number;
  active: number;
  completed: number;
  cancelled: number;
  elements: ElementStatistics[];
}

export interface DecisionSummary {
  decisionId: string;
  name: string;
  definitionId: string;
  key: string;
  version: number;
  deployedAt: string;
}

export interface DecisionDeployment {
  id: string;
  key: string;
  version: number;
  name: string | null;
  created: boolean;
  decisions: { decisionId: string; name: string }[];
  warnings: BpmnProblem[];
}

export interface MatchedRule {
  decisionId: string;
  ruleId: string;
  ruleIndex: number;
  annotation: string | null;
  outputs: Record<string, unknown>;
}

export interface DecisionEvaluation {
  result: unknown;
  matchedRules: MatchedRule[];
  warnings: string[];
}

export interface FormSummary {
  formId: string;
  id: string;
  version: number;
  versions: number;
  deployedAt: string;
}

export interface FormVersion {
  id: string;
  formId: string;
  version: number;
  contentHash: string;
  deployedAt: string;
  schema: FormSchema;
}

export interface FormSchema {
  id?: string;
  type?: string;
  components?: unknown[];
  [key: string]: unknown;
}

export interface FormDeployment {
  id: string;
  formId: string;
  version: number;
  contentHash: string;
  deployedAt: string;
  created: boolean;
}

export interface InstanceSummary {
  id: string;
  processId: string;
  version: number;
  businessKey: string | null;
  status: 'Active' | 'Completed' | 'Cancelled';
  startedAt: string;
  endedAt: string | null;
  parentInstanceId: string | null;
}

export interface ActiveElement {
  key: number;
  elementId: string;
  kind: string;
  scopeKey: number | null;
}

export interface Instance extends InstanceSummary {
  definitionId: string;
  activeElements: ActiveElement[];
  variables: Record<string, unknown>;
  /** The elements entered and the flows taken, each once, in order (GET /instances/{id} only). */
  visited?: string[] | null;
  takenFlows?: string[] | null;
}

export interface HistoryEntry {
  seq: number;
  type: string;
  at: string;
  elementId: string | null;
  elementKey: number | null;
  user: string | null;
  variable: string | null;
  oldValue: unknown;
  newValue: unknown;
  detail: string | null;
}

export interface RoleCatalogue {
  roles: string[];
  unitKinds: string[];
}

const enc = encodeURIComponent;
const XML = { contentType: 'application/xml' };

/** 404 as "none": a process without a draft, a new process without statistics. */
async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export const designerApi = {
  processes: () => api.get<ProcessSummary[]>('/definitions'),
  versions: (processId: string) => api.get<DefinitionVersion[]>(`/definitions/${enc(processId)}/versions`),
  versionXml: (processId: string, version: number) => api.get<string>(`/definitions/${enc(processId)}/versions/${version}`),
  deploy: (xml: string) => api.post<Deployment>('/definitions', xml, XML),

  drafts: () => api.get<DraftSummary[]>('/definitions/drafts'),
  draft: (processId: string) => orNull(api.get<Draft>(`/definitions/${enc(processId)}/draft`)),
  saveDraft: (processId: string, body: { xml: string; version: number | null; basedOnVersion: number | null }) =>
    api.put<Draft>(`/definitions/${enc(processId)}/draft`, body),
  deleteDraft: (processId: string, version: number) => api.delete<void>(`/definitions/${enc(processId)}/draft`, { query: { version } }),

  statistics: (processId: string) => orNull(api.get<VersionStatistics[]>(`/definitions/${enc(processId)}/statistics`)).then((s) => s ?? []),
  versionStatistics: (processId: string, version: number) =>
    api.get<VersionElementStatistics>(`/definitions/${enc(processId)}/versions/${version}/statistics`),

  decisions: () => api.get<DecisionSummary[]>('/decisions'),
  decisionXml: (decisionId: string) => api.get<string>(`/decisions/${enc(decisionId)}`),
  deployDecision: (xml: string) => api.post<DecisionDeployment>('/decisions', xml, XML),
  evaluateDraftDecision: (xml: string, decisionId: string, variables: Record<string, unknown>) =>
    api.post<DecisionEvaluation>('/decisions/evaluate', { xml, decisionId, variables }),

  forms: () => api.get<FormSummary[]>('/forms'),
  form: (formId: string) => orNull(api.get<FormVersion>(`/forms/${enc(formId)}`)),
  deployForm: (schema: FormSchema) => api.post<FormDeployment>('/forms', schema),

  instances: (query: { processId?: string; status?: string; page?: number; pageSize?: number }) =>
    api.get<Page<InstanceSummary>>('/instances', query),
  instance: (id: string) => api.get<Instance>(`/instances/${enc(id)}`),
  history: (id: string) => api.get<HistoryEntry[]>(`/instances/${enc(id)}/history`),

  roles: () => api.get<RoleCatalogue>('/roles'),
};
