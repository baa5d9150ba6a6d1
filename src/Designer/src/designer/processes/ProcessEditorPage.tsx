// The process editor: bpmn-js with the Zeebe properties panel, a version picker, drafts, deploy (errors shown
// at their elements), download, and the user task's form edited in place.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { DownloadOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, List, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { designerApi, type BpmnProblem, type DefinitionVersion, type Draft, type FormSchema } from '../api';
import { emptyFormSchema, type FormDesignerHandle } from '../forms/formSchema';
import { downloadText, fitViewport, NEW_PROCESS_TEMPLATE, processIdOf } from '../shared/bpmn';
import { candidateGroupOptions } from '../shared/roles';
import { useAsync } from '../../app/useAsync';

// form-js' editor loads when a user task's form is opened, not with the process editor.
const FormDesigner = lazy(() => import('../forms/FormDesigner'));
import { useUnsavedChangesGuard } from '../shared/useUnsavedChangesGuard';
import { setExtensionAttributes, type CaseflowCatalogue } from './caseflowProperties';
import { createModeler } from './modeler';

type Source = { kind: 'new' } | { kind: 'draft' } | { kind: 'version'; version: number };

interface Loaded {
  xml: string;
  source: Source;
  versions: DefinitionVersion[];
  draft: Draft | null;
  candidateGroups: string[];
  forms: string[];
  decisions: { id: string; name: string }[];
}

interface FormDialog {
  element: any;
  formId: string;
  schema: FormSchema;
}

function newProcessId() {
  return `process-${Math.random().toString(36).slice(2, 8)}`;
}

export default function ProcessEditorPage() {
  const { t } = useTranslation('designer');
  const { processId: routeProcessId, version: routeVersion } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<any>(null);
  const importing = useRef(false);
  const markedIds = useRef<string[]>([]);
  const formHandle = useRef<FormDesignerHandle>(null);
  const [dirty, setDirtyState] = useState(false);
  const [problems, setProblems] = useState<BpmnProblem[]>([]);
  const [warnings, setWarnings] = useState<BpmnProblem[]>([]);
  const [busy, setBusy] = useState<'draft' | 'deploy' | 'form' | null>(null);
  const [formDialog, setFormDialog] = useState<FormDialog | null>(null);
  const [draftVersion, setDraftVersion] = useState<number | null>(null);
  const [title, setTitle] = useState<{ name: string; id: string } | null>(null);
  const markClean = useUnsavedChangesGuard(dirty);
  const setDirty = (value: boolean) => { markClean(value); setDirtyState(value); };

  const version = routeVersion ? Number(routeVersion) : undefined;
  const loaded = useAsync<Loaded>(async () => {
    const [roles, forms, decisions] = await Promise.all([designerApi.roles(), designerApi.forms(), designerApi.decisions()]);
    const catalogues = {
      candidateGroups: candidateGroupOptions(roles),
      forms: forms.map((f) => f.formId),
      decisions: decisions.map((d) => ({ id: d.decisionId, name: d.name })),
    };
    if (!routeProcessId) {
      const xml = NEW_PROCESS_TEMPLATE(newProcessId(), t('editor.template.process'), t('editor.template.task'), t('editor.template.start'), t('editor.template.end'));
      return { xml, source: { kind: 'new' }, versions: [], draft: null, ...catalogues };
    }
    const [versions, draft] = await Promise.all([
      designerApi.versions(routeProcessId).catch((e) => { if (e instanceof ApiError && e.status === 404) return []; throw e; }),
      designerApi.draft(routeProcessId),
    ]);
    if (version !== undefined) {
      return { xml: await designerApi.versionXml(routeProcessId, version), source: { kind: 'version', version }, versions, draft, ...catalogues };
    }
    if (draft) return { xml: draft.xml, source: { kind: 'draft' }, versions, draft, ...catalogues };
    if (!versions.length) throw new Error(t('editor.notFound', { id: routeProcessId }));
    const latest = versions[0].version;
    return { xml: await designerApi.versionXml(routeProcessId, latest), source: { kind: 'version', version: latest }, versions, draft, ...catalogues };
  }, [routeProcessId, routeVersion]);

  // The panel reads the catalogue on every render; one object, refreshed in place, serves the modeler's lifetime.
  const catalogue = useRef<CaseflowCatalogue>({
    candidateGroups: [], forms: [], decisions: [],
    labels: { group: '', candidateGroup: '', form: '', decision: '', none: '', editForm: '', createForm: '' },
    onEditForm: () => {},
  });
  catalogue.current.labels = {
    group: t('editor.panel.group'),
    candidateGroup: t('editor.panel.candidateGroup'),
    form: t('editor.panel.form'),
    decision: t('editor.panel.decision'),
    none: t('editor.panel.none'),
    editForm: t('editor.panel.editForm'),
    createForm: t('editor.panel.createForm'),
  };
  catalogue.current.onEditForm = (element: any) => void openFormDialog(element);

  useEffect(() => () => {
    modelerRef.current?.destroy();
    modelerRef.current = null;
  }, []);

  useEffect(() => {
    const data = loaded.data;
    if (!data || !canvasRef.current || !panelRef.current) return;
    Object.assign(catalogue.current, { candidateGroups: data.candidateGroups, forms: data.forms, decisions: data.decisions });
    if (!modelerRef.current) {
      const modeler = createModeler(canvasRef.current, panelRef.current, catalogue.current);
      modeler.on('commandStack.changed', () => {
        if (!importing.current) setDirty(true);
        setTitle(titleOf(modeler));
      });
      modelerRef.current = modeler;
    }
    const modeler = modelerRef.current;
    importing.current = true;
    setProblems([]);
    setWarnings([]);
    setDraftVersion(data.draft?.version ?? null);
    modeler.importXML(data.xml).then(
      () => {
        fitViewport(modeler);
        setTitle(titleOf(modeler));
        importing.current = false;
        setDirty(data.source.kind === 'new');
      },
      (e: Error) => {
        importing.current = false;
        message.error(t('editor.importFailed', { message: e.message }));
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.data]);

  // Deploy problems: a red marker and an overlay at each element the service named.
  useEffect(() => {
    const modeler = modelerRef.current;
    if (!modeler) return;
    const canvas = modeler.get('canvas');
    const overlays = modeler.get('overlays');
    const registry = modeler.get('elementRegistry');
    markedIds.current.forEach((id) => registry.get(id) && canvas.removeMarker(id, 'cf-error'));
    overlays.remove({ type: 'cf-error' });
    markedIds.current = [];
    const byElement = new Map<string, BpmnProblem[]>();
    for (const p of problems) {
      if (p.elementId && registry.get(p.elementId)) byElement.set(p.elementId, [...(byElement.get(p.elementId) ?? []), p]);
    }
    for (const [id, list] of byElement) {
      canvas.addMarker(id, 'cf-error');
      const html = document.createElement('div');
      html.className = 'cf-error-overlay';
      html.setAttribute('role', 'note');
      html.textContent = list.map((p) => p.message).join(' · ');
      html.title = html.textContent;
      overlays.add(id, 'cf-error', { position: { bottom: -4, left: 0 }, html });
      markedIds.current.push(id);
    }
  }, [problems]);

  const data = loaded.data;
  const processId = routeProcessId;
  const latestVersion = data?.versions[0]?.version ?? null;
  const basedOnVersion = data?.source.kind === 'version' ? data.source.version : data?.draft?.basedOnVersion ?? latestVersion;

  function focusElement(elementId: string | null | undefined) {
    const modeler = modelerRef.current;
    const element = elementId && modeler?.get('elementRegistry').get(elementId);
    if (!element) return;
    modeler.get('selection').select(element);
    modeler.get('canvas').scrollToElement(element);
  }

  async function currentXml(): Promise<string> {
    const { xml } = await modelerRef.current.saveXML({ format: true });
    return xml;
  }

  /** Saving a version's diagram while the process has a draft replaces that draft: asked first. */
  function saveDraftOrAsk() {
    if (data?.source.kind === 'version' && data.draft) {
      modal.confirm({
        title: t('editor.replaceDraftTitle'),
        content: t('editor.replaceDraftContent', { user: data.draft.updatedBy, at: formatDateTime(data.draft.updatedAt) }),
        okText: t('editor.replaceDraft'),
        cancelText: t('leave.cancel'),
        onOk: () => saveDraft(),
      });
    } else {
      void saveDraft();
    }
  }

  async function saveDraft() {
    const modeler = modelerRef.current;
    const pid = processIdOf(modeler);
    if (!pid) return;
    setBusy('draft');
    try {
      const saved = await designerApi.saveDraft(pid, { xml: await currentXml(), version: pid === processId ? draftVersion : null, basedOnVersion: pid === processId ? basedOnVersion : null });
      setDraftVersion(saved.version);
      setDirty(false);
      message.success(t('editor.draftSaved'));
      if (pid !== processId || data?.source.kind !== 'draft') navigate(`/designer/processes/${encodeURIComponent(pid)}`, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        modal.confirm({
          title: t('editor.conflictTitle'),
          content: e.message,
          okText: t('editor.reloadDraft'),
          cancelText: t('leave.cancel'),
          onOk: () => { setDirty(false); loaded.reload(); },
        });
      } else {
        message.error(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(null);
    }
  }

  async function deploy() {
    setBusy('deploy');
    setProblems([]);
    setWarnings([]);
    try {
      const deployed = await designerApi.deploy(await currentXml());
      setDirty(false);
      message.success(deployed.created ? t('editor.deployed', { version: deployed.version }) : t('editor.deployedUnchanged', { version: deployed.version }));
      // The service removes the deployed process's draft in the same transaction.
      if (deployed.processId !== processId || routeVersion) navigate(`/designer/processes/${encodeURIComponent(deployed.processId)}`, { replace: true });
      else loaded.reload();
      setWarnings(deployed.warnings);
    } catch (e) {
      if (e instanceof ApiError && e.problem.problems?.length) {
        setProblems(e.problem.problems);
        message.error(t('editor.deployRefused', { count: e.problem.problems.length }));
      } else {
        message.error(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(null);
    }
  }

  function discardDraft() {
    if (!processId || draftVersion === null) return;
    modal.confirm({
      title: t('editor.discardTitle'),
      content: t('editor.discardContent'),
      okText: t('editor.discard'),
      okButtonProps: { danger: true },
      cancelText: t('leave.cancel'),
      onOk: async () => {
        try {
          await designerApi.deleteDraft(processId, draftVersion);
          setDirty(false);
          if (latestVersion === null) navigate('/designer', { replace: true });
          else loaded.reload();
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
          if (e instanceof ApiError && e.status === 409) { setDirty(false); loaded.reload(); }
        }
      },
    });
  }

  async function download() {
    const pid = processIdOf(modelerRef.current) ?? 'process';
    downloadText(await currentXml(), `${pid}.bpmn`, 'application/xml');
  }

  async function openFormDialog(element: any) {
    const modeler = modelerRef.current;
    const current = element.businessObject.get('extensionElements')?.get('values')
      ?.find((v: any) => v.$type === 'zeebe:FormDefinition')?.get('formId');
    const formId: string = current || `${processIdOf(modeler) ?? 'process'}-${element.id}`;
    try {
      const existing = await designerApi.form(formId);
      setFormDialog({ element, formId, schema: existing?.schema ?? emptyFormSchema(formId, t('forms.comment')) });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  }

  async function saveForm() {
    if (!formDialog || !formHandle.current) return;
    setBusy('form');
    try {
      const deployed = await designerApi.deployForm({ ...formHandle.current.schema(), id: formDialog.formId });
      if (!catalogue.current.forms.includes(formDialog.formId)) catalogue.current.forms = [...catalogue.current.forms, formDialog.formId].sort();
      // The task names the form by id; the process keeps the link when it is saved or deployed.
      setExtensionAttributes(modelerRef.current.get('injector'), formDialog.element, 'zeebe:FormDefinition', { formId: formDialog.formId });
      message.success(t('editor.formSaved', { id: formDialog.formId, version: deployed.version }));
      setFormDialog(null);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  const versionOptions = useMemo(() => {
    if (!data) return [];
    const options = data.versions.map((v, i) => ({
      value: String(v.version),
      label: i === 0 ? t('editor.versionLive', { version: v.version }) : t('editor.versionN', { version: v.version }),
    }));
    if (data.draft || data.source.kind === 'draft') options.unshift({ value: 'draft', label: t('editor.draft') });
    if (data.source.kind === 'new') options.unshift({ value: 'new', label: t('editor.newDraft') });
    return options;
  }, [data, t]);
  const selectedVersion = !data ? undefined : data.source.kind === 'version' ? String(data.source.version) : data.source.kind;

  return (
    <div className="cf-designer cf-editor-page">
      <div className="cf-editor-head">
        <Typography.Title level={1} className="cf-page-title">
          {title ? t('editor.title', title) : t('editor.newTitle')}
        </Typography.Title>
        {dirty && <Tag color="orange">{t('unsaved')}</Tag>}
      </div>
      <Space wrap className="cf-toolbar">
        <Select
          aria-label={t('editor.version')}
          style={{ minWidth: 180 }}
          value={selectedVersion}
          options={versionOptions}
          disabled={!processId}
          onChange={(value) => {
            if (value === 'draft') navigate(`/designer/processes/${encodeURIComponent(processId!)}`);
            else if (value !== 'new') navigate(`/designer/processes/${encodeURIComponent(processId!)}/versions/${value}`);
          }}
        />
        <Button onClick={saveDraftOrAsk} loading={busy === 'draft'} disabled={!data}>{t('editor.saveDraft')}</Button>
        <Button type="primary" onClick={() => void deploy()} loading={busy === 'deploy'} disabled={!data}>{t('editor.deploy')}</Button>
        {data?.source.kind === 'draft' && draftVersion !== null && <Button danger onClick={discardDraft}>{t('editor.discard')}</Button>}
        <Button icon={<DownloadOutlined />} onClick={() => void download()} disabled={!data}>{t('editor.download')}</Button>
        {processId && (data?.versions.length ?? 0) > 1 && <Link to={`/designer/processes/${encodeURIComponent(processId)}/compare`}>{t('list.compare')}</Link>}
        {processId && latestVersion && <Link to={`/designer/processes/${encodeURIComponent(processId)}/versions/${latestVersion}/live`}>{t('list.live')}</Link>}
      </Space>
      {data?.source.kind === 'version' && data.source.version !== latestVersion && (
        <Alert type="info" showIcon className="cf-gap" title={t('editor.oldVersion', { version: data.source.version })}
          action={<Button size="small" onClick={saveDraftOrAsk}>{t('editor.editAsDraft')}</Button>} />
      )}
      {data?.source.kind === 'draft' && data.draft?.basedOnVersion != null && (
        <Alert type="info" showIcon className="cf-gap" title={t('editor.draftOf', { version: data.draft.basedOnVersion })} />
      )}
      {loaded.error && <Alert type="error" showIcon className="cf-gap" title={loaded.error.message} />}
      {problems.length > 0 && (
        <section className="cf-problems" aria-label={t('editor.problems')}>
          <Alert type="error" showIcon icon={<ExclamationCircleOutlined />} title={t('editor.problemsTitle', { count: problems.length })} description={
            <List
              size="small"
              dataSource={problems}
              renderItem={(p) => (
                <List.Item>
                  <Button type="link" danger className="cf-problem" disabled={!p.elementId} onClick={() => focusElement(p.elementId)}>
                    <strong>{p.elementId ?? t('editor.noElement')}</strong>{t('colon')}{p.message}
                  </Button>
                </List.Item>
              )}
            />
          } />
        </section>
      )}
      {warnings.length > 0 && (
        <Alert type="warning" showIcon closable className="cf-gap" title={t('editor.warnings')} description={
          <ul className="cf-plain-list">{warnings.map((w, i) => <li key={i}>{w.elementId ? `${w.elementId}${t('colon')}` : ''}{w.message}</li>)}</ul>
        } />
      )}
      <Spin spinning={loaded.loading}>
        <div className="cf-editor">
          <div ref={canvasRef} className="cf-canvas" data-testid="bpmn-canvas" />
          <aside ref={panelRef} className="cf-properties" aria-label={t('editor.properties')} />
        </div>
      </Spin>
      <Modal
        open={!!formDialog}
        title={formDialog ? t('editor.formDialog', { id: formDialog.formId }) : ''}
        width="90%"
        okText={t('forms.save')}
        cancelText={t('leave.cancel')}
        confirmLoading={busy === 'form'}
        onOk={() => void saveForm()}
        onCancel={() => setFormDialog(null)}
        destroyOnHidden
      >
        {formDialog && (
          <Suspense fallback={<Spin />}>
            <FormDesigner schema={formDialog.schema} handle={formHandle} />
          </Suspense>
        )}
      </Modal>
    </div>
  );
}

function titleOf(modeler: any): { name: string; id: string } | null {
  const roots: any[] = modeler.getDefinitions()?.rootElements ?? [];
  const process = roots.find((r) => r.$type === 'bpmn:Process' && r.isExecutable) ?? roots.find((r) => r.$type === 'bpmn:Process');
  return process ? { name: process.name ?? process.id, id: process.id } : null;
}
