// The workspace's view of the service: typed DTOs (as the engine's C# records serialise them) and one
// function per call. Pages use these, never raw paths.
import { api, type Page } from '../app/api';

export type CaseFamily = 'Aid' | 'Mediation' | 'WageArrears' | 'Hotline' | 'LegalAid' | 'Employment' | 'Petition';
export const CASE_FAMILIES: CaseFamily[] = ['Aid', 'Mediation', 'WageArrears', 'Hotline', 'LegalAid', 'Employment', 'Petition'];
export type CaseStatus = 'Open' | 'InProgress' | 'Suspended' | 'Closed' | 'Rejected' | 'Cancelled';
export const CASE_STATUSES: CaseStatus[] = ['Open', 'InProgress', 'Suspended', 'Closed', 'Rejected', 'Cancelled'];
export type CasePriority = 'Low' | 'Normal' | 'High' | 'Urgent';

/** A page of case lists: no total, only whether another page follows. */
export interface SlicePage<T> {
  items: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

// ---- tasks -----------------------------------------------------------------------------------------------

export interface TaskDto {
  id: string;
  instanceId: string;
  processId: string;
  elementKey: number;
  elementId: string;
  name: string | null;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  dueInWorkingDays: boolean;
  followUpDate: string | null;
  formKey: string | null;
  state: 'Created' | 'Completed' | 'Cancelled';
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  unitId: string | null;
  caseId: string | null;
}

export interface TaskQuery {
  assignee?: string;
  claimable?: boolean;
  overdue?: boolean;
  dueBefore?: string;
  processId?: string;
  caseId?: string;
  state?: 'Created' | 'Completed' | 'Cancelled';
  page?: number;
  pageSize?: number;
}

export interface TaskFormDto {
  taskId: string;
  formKey: string;
  embedded: boolean;
  formId: string | null;
  version: number | null;
  schema: FormSchema;
}

/** A form-js schema: components with keys, as the form editor writes it. */
export interface FormSchema {
  id?: string;
  components: FormComponent[];
  [key: string]: unknown;
}

export interface FormComponent {
  id: string;
  key?: string;
  type: string;
  label?: string;
  components?: FormComponent[];
  [key: string]: unknown;
}

/** One broken rule of a submitted form, as the service's 422 lists them. */
export interface FormFieldError {
  field: string;
  rule: string;
  message: string;
}

export const tasks = {
  list: (query: TaskQuery, signal?: AbortSignal) => api.get<Page<TaskDto>>('/tasks', { ...query }, signal),
  get: (id: string) => api.get<TaskDto>(`/tasks/${id}`),
  form: (id: string) => api.get<TaskFormDto>(`/tasks/${id}/form`),
  claim: (id: string) => api.post<TaskDto>(`/tasks/${id}/claim`, {}),
  unclaim: (id: string) => api.post<TaskDto>(`/tasks/${id}/unclaim`, {}),
  complete: (id: string, variables: Record<string, unknown>) => api.post<TaskDto>(`/tasks/${id}/complete`, { variables }),
};

// ---- cases -----------------------------------------------------------------------------------------------

export interface PartyDto {
  id: string;
  role: 'Applicant' | 'Claimant' | 'Respondent' | 'Representative' | 'Witness';
  personId: string | null;
  employerId: string | null;
  name: string | null;
  phone: string | null;
  residentId: string | null;
  creditCode: string | null;
  amountClaimed: number | null;
  addedAt: string;
}

export interface CaseInstanceDto {
  id: string;
  processId: string;
  version: number;
  status: string;
  startedAt: string;
  endedAt: string | null;
}

export interface CaseTaskDto {
  id: string;
  instanceId: string;
  elementId: string;
  name: string | null;
  assignee: string | null;
  dueDate: string | null;
  createdAt: string;
}

export interface CaseDto {
  id: string;
  number: string;
  family: CaseFamily;
  status: CaseStatus;
  priority: CasePriority;
  unitId: string;
  unitName: string;
  title: string;
  description: string | null;
  amountClaimed: number | null;
  amountApproved: number | null;
  amountPaid: number | null;
  dueAt: string | null;
  openedAt: string;
  closedAt: string | null;
  tags: string[];
  isCollective: boolean;
  collectiveFlaggedAt: string | null;
  createdBy: string;
  updatedAt: string;
  version: number;
  allowedMoves: CaseStatus[];
  parties: PartyDto[];
  instances: CaseInstanceDto[];
  openTasks: CaseTaskDto[];
  noteCount: number;
  documentCount: number;
}

export interface CaseSummaryDto {
  id: string;
  number: string;
  family: CaseFamily;
  status: CaseStatus;
  priority: CasePriority;
  unitId: string;
  title: string;
  applicant: string | null;
  employer: string | null;
  amountClaimed: number | null;
  openedAt: string;
  dueAt: string | null;
  tags: string[];
}

export interface CaseQuery {
  number?: string;
  person?: string;
  phone?: string;
  employer?: string;
  status?: string;
  family?: string;
  unitId?: string;
  openedFrom?: string;
  openedTo?: string;
  residentId?: string;
  page?: number;
  pageSize?: number;
}

export interface NoteDto {
  id: string;
  author: string;
  text: string;
  createdAt: string;
}

export interface TimelineLineDto {
  at: string;
  who: string | null;
  source: 'case' | 'note' | 'workflow';
  kind: string;
  text: string;
  instanceId: string | null;
}

export interface DocumentDto {
  id: string;
  caseId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  deletedAt: string | null;
}

export interface CasePatch {
  version: number;
  status?: CaseStatus;
  reason?: string;
}

export const cases = {
  get: (id: string, signal?: AbortSignal) => api.get<CaseDto>(`/cases/${id}`, undefined, signal),
  /** A resident ID goes in a POST body (never in a URL); everything else as a query. */
  search: ({ residentId, ...query }: CaseQuery, signal?: AbortSignal) =>
    residentId
      ? api.post<SlicePage<CaseSummaryDto>>('/cases/search', { ...query, residentId }, { signal })
      : api.get<SlicePage<CaseSummaryDto>>('/cases', { ...query }, signal),
  exportUrl: (query: Omit<CaseQuery, 'residentId' | 'page' | 'pageSize'>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.append(key, String(value));
    const qs = params.toString();
    return `/api/cases/export${qs ? `?${qs}` : ''}`;
  },
  patch: (id: string, patch: CasePatch) => api.patch<CaseDto>(`/cases/${id}`, patch),
  notes: (id: string, page = 1) => api.get<SlicePage<NoteDto>>(`/cases/${id}/notes`, { page, pageSize: 50 }),
  addNote: (id: string, text: string) => api.post<NoteDto>(`/cases/${id}/notes`, { text }),
  timeline: (id: string, page = 1) => api.get<SlicePage<TimelineLineDto>>(`/cases/${id}/timeline`, { page, pageSize: 100 }),
  documents: (id: string) => api.get<DocumentDto[]>(`/cases/${id}/documents`),
  documentUrl: (caseId: string, documentId: string) => `/api/cases/${caseId}/documents/${documentId}/content`,
  uploadUrl: (caseId: string) => `/api/cases/${caseId}/documents`,
};

// ---- people: personal data in full, by role, audited ------------------------------------------------------

export interface PersonalDataDto {
  id: string;
  fields: string[];
  withheld: string[];
  name: string | null;
  phone: string | null;
  address: string | null;
  residentId: string | null;
  birthDate: string | null;
  bankAccount: string | null;
  health: string | null;
  household: unknown;
}

export const people = {
  personalData: (id: string, fields?: string[]) =>
    api.get<PersonalDataDto>(`/people/${id}/personal-data`, fields ? { fields: fields.join(',') } : undefined),
};

// ---- employers and units -----------------------------------------------------------------------------------

export interface EmployerDto {
  id: string;
  unitId: string;
  name: string;
  creditCode: string | null;
  address: string | null;
  contactPhone: string | null;
  version: number;
}

export const employers = {
  search: (text: string, signal?: AbortSignal) =>
    api.get<Page<EmployerDto>>('/employers', { nameContains: text, pageSize: 10 }, signal),
};

export interface UnitDto {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  code: string;
  depth: number;
}

export const units = {
  list: () => api.get<UnitDto[]>('/units'),
};

/** A process with its latest version (GET /api/definitions). */
export interface ProcessSummaryDto {
  processId: string;
  name: string | null;
  latestVersion: number;
}

export const definitions = {
  list: () => api.get<ProcessSummaryDto[]>('/definitions'),
  xml: (processId: string, version: number) => api.get<string>(`/definitions/${processId}/versions/${version}`),
};

export interface ActiveElementDto {
  key: number;
  elementId: string;
  kind: string;
  scopeKey: number | null;
}

export interface InstanceDto {
  id: string;
  definitionId: string;
  processId: string;
  version: number;
  status: string;
  activeElements: ActiveElementDto[];
}

export const instances = {
  get: (id: string) => api.get<InstanceDto>(`/instances/${id}`),
};

// ---- hotline ---------------------------------------------------------------------------------------------

export const CALL_CATEGORIES = ['wage_arrears', 'legal_advice', 'mediation', 'aid', 'employment', 'petition', 'other'] as const;
export type CallCategory = (typeof CALL_CATEGORIES)[number];
export const URGENCIES = ['Normal', 'Urgent', 'Emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The family a category becomes by default (Hotline/CallCategories.cs). */
export const FAMILY_OF_CATEGORY: Record<CallCategory, CaseFamily> = {
  wage_arrears: 'WageArrears',
  legal_advice: 'LegalAid',
  mediation: 'Mediation',
  aid: 'Aid',
  employment: 'Employment',
  petition: 'Petition',
  other: 'Hotline',
};

export interface LogCallRequest {
  callerPhone: string;
  callerName?: string;
  category: CallCategory;
  employerId?: string;
  employerName?: string;
  description: string;
  urgency: Urgency;
  /** The unit the call belongs to; the operator's own unit when absent. */
  unitId?: string;
  answer?: string;
}

export interface CallDto {
  id: string;
  unitId: string;
  callerPhone: string;
  callerName: string | null;
  personId: string | null;
  category: string;
  employerId: string | null;
  employerName: string | null;
  description: string;
  urgency: Urgency;
  outcome: 'Open' | 'Answered' | 'CaseOpened' | 'AddedToCase';
  answer: string | null;
  caseId: string | null;
  operator: string;
  receivedAt: string;
  version: number;
}

export interface RoutedCaseDto {
  id: string;
  number: string;
  family: CaseFamily;
  status: CaseStatus;
  priority: CasePriority;
  joined: boolean;
  isCollective: boolean;
  claimants: number;
  amountClaimed: number | null;
  collectiveFlaggedAt: string | null;
  flagged: boolean;
  instanceId: string | null;
}

export interface CallerCallDto {
  id: string;
  receivedAt: string;
  category: string;
  urgency: Urgency;
  outcome: CallDto['outcome'];
  callerName: string | null;
  employerName: string | null;
  caseId: string | null;
  caseNumber: string | null;
}

export interface CallerCaseDto {
  id: string;
  number: string;
  family: CaseFamily;
  status: CaseStatus;
  openedAt: string;
  role: string;
  personName: string;
  isCollective: boolean;
}

export interface CallerHistoryDto {
  phone: string;
  calls: CallerCallDto[];
  cases: CallerCaseDto[];
}

export interface CollectiveHintDto {
  employerId: string | null;
  employerName: string | null;
  openComplaints: number;
  threshold: number;
  collectiveCaseId: string | null;
  collectiveCaseNumber: string | null;
}

export const hotline = {
  log: (call: LogCallRequest) => api.post<CallDto>('/hotline/calls', call),
  route: (callId: string, version: number, family?: CaseFamily) =>
    api.post<{ call: CallDto; case: RoutedCaseDto }>(`/hotline/calls/${callId}/case`, { version, family }),
  history: (phone: string, signal?: AbortSignal) =>
    api.get<CallerHistoryDto>(`/hotline/callers/${encodeURIComponent(phone)}/history`, { limit: 10 }, signal),
  collectiveHint: (query: { employerId?: string; employerName?: string; unitId?: string }, signal?: AbortSignal) =>
    api.get<CollectiveHintDto>('/hotline/collective-hint', query, signal),
};
