// The decision editor: dmn-js' decision table, deploy, and a test panel that evaluates the table as it is in
// the editor (unsaved) against the service and highlights the rules that matched.
/* eslint-disable @typescript-eslint/no-explicit-any */
import DmnModeler from 'dmn-js/lib/Modeler';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { designerApi, type BpmnProblem, type DecisionEvaluation } from '../api';
import { downloadText, escapeXml } from '../shared/bpmn';
import { useAsync } from '../../app/useAsync';
import { useUnsavedChangesGuard } from '../shared/useUnsavedChangesGuard';
import '../designer.css';

interface TableInput {
  id: string;
  label: string;
  expression: string;
  typeRef: string;
  allowed: string[];
}

const NEW_DECISION = (id: string, name: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="${id}-definitions" name="${escapeXml(name)}" namespace="http://caseflow.example/decisions">
  <decision id="${id}" name="${escapeXml(name)}">
    <decisionTable id="${id}-table" hitPolicy="FIRST">
      <input id="${id}-input" label="amount">
        <inputExpression id="${id}-input-expression" typeRef="number"><text>amount</text></inputExpression>
      </input>
      <output id="${id}-output" name="level" label="level" typeRef="string" />
      <rule id="${id}-rule-1">
        <inputEntry id="${id}-rule-1-input"><text>&gt;= 5000</text></inputEntry>
        <outputEntry id="${id}-rule-1-output"><text>"high"</text></outputEntry>
      </rule>
      <rule id="${id}-rule-2">
        <inputEntry id="${id}-rule-2-input"><text>-</text></inputEntry>
        <outputEntry id="${id}-rule-2-output"><text>"normal"</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>
</definitions>
`;

/** The input columns of the decision's table, typed by their typeRef. */
function tableInputs(modeler: any, decisionId: string): TableInput[] {
  const definitions = modeler.getDefinitions();
  const decision = definitions?.drgElement?.find((d: any) => d.id === decisionId && d.$type === 'dmn:Decision');
  const table = decision?.decisionLogic;
  if (!table || table.$type !== 'dmn:DecisionTable') return [];
  return (table.input ?? []).map((input: any) => ({
    id: input.id,
    label: input.label ?? input.inputExpression?.text ?? input.id,
    expression: input.inputExpression?.text ?? '',
    typeRef: input.inputExpression?.typeRef ?? 'string',
    allowed: (input.inputValues?.text ?? '').split(',').map((s: string) => s.trim().replace(/^"|"$/g, '')).filter(Boolean),
  }));
}

/** Puts a value at a dotted path (household.size) of the variables object. */
function assign(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

const isPath = (expression: string) => /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(expression.trim());

export default function DecisionEditorPage() {
  const { t } = useTranslation('designer');
  const { decisionId: routeId } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const container = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<any>(null);
  const matched = useRef<string[]>([]);
  const importing = useRef(false);
  const [decisionId, setDecisionId] = useState<string | undefined>(routeId);
  const [inputs, setInputs] = useState<TableInput[]>([]);
  const [dirty, setDirty] = useState(false);
  const [evaluation, setEvaluation] = useState<DecisionEvaluation | null>(null);
  const [problems, setProblems] = useState<BpmnProblem[]>([]);
  const [busy, setBusy] = useState<'deploy' | 'evaluate' | null>(null);
  const [form] = Form.useForm();
  const markClean = useUnsavedChangesGuard(dirty);

  const loaded = useAsync(async () => {
    if (!routeId) {
      const id = `decision-${Math.random().toString(36).slice(2, 8)}`;
      return { id, xml: NEW_DECISION(id, t('decisions.newName')), isNew: true };
    }
    return { id: routeId, xml: await designerApi.decisionXml(routeId), isNew: false };
  }, [routeId]);

  function highlight(ruleIds: string[]) {
    const root = container.current;
    if (!root) return;
    root.querySelectorAll('.cf-matched').forEach((el) => el.classList.remove('cf-matched'));
    for (const id of ruleIds) {
      root.querySelectorAll(`[data-row-id="${CSS.escape(id)}"]`).forEach((cell) => {
        cell.classList.add('cf-matched');
        cell.closest('tr')?.classList.add('cf-matched');
      });
    }
  }

  async function openTable(modeler: any, id: string) {
    const view = modeler.getViews().find((v: any) => v.type === 'decisionTable' && v.element.id === id)
      ?? modeler.getViews().find((v: any) => v.type === 'decisionTable');
    if (view) await modeler.open(view);
    const viewer = modeler.getActiveViewer();
    // The table re-renders on every edit: matched rows are marked again afterwards.
    viewer?.on?.('elements.changed', () => {
      if (!importing.current) { setDirty(true); markClean(true); }
      setTimeout(() => highlight(matched.current));
      setInputs(tableInputs(modeler, view?.element.id ?? id));
    });
    setDecisionId(view?.element.id ?? id);
    setInputs(tableInputs(modeler, view?.element.id ?? id));
  }

  useEffect(() => {
    if (!loaded.data || !container.current) return;
    if (!modelerRef.current) modelerRef.current = new DmnModeler({ container: container.current });
    const modeler = modelerRef.current;
    importing.current = true;
    matched.current = [];
    setEvaluation(null);
    modeler.importXML(loaded.data.xml)
      .then(() => openTable(modeler, loaded.data!.id))
      .then(() => {
        importing.current = false;
        setDirty(loaded.data!.isNew);
        markClean(loaded.data!.isNew);
      })
      .catch((e: Error) => { importing.current = false; message.error(e.message); });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.data]);

  useEffect(() => () => { modelerRef.current?.destroy(); modelerRef.current = null; }, []);

  async function xml(): Promise<string> {
    return (await modelerRef.current.saveXML({ format: true })).xml;
  }

  async function deploy() {
    setBusy('deploy');
    setProblems([]);
    try {
      const deployed = await designerApi.deployDecision(await xml());
      setDirty(false);
      markClean(false);
      message.success(deployed.created ? t('decisions.deployed', { version: deployed.version }) : t('decisions.deployedUnchanged', { version: deployed.version }));
      if (decisionId && decisionId !== routeId) navigate(`/designer/decisions/${encodeURIComponent(decisionId)}`, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.problem.problems?.length) setProblems(e.problem.problems);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  async function evaluate(values: Record<string, unknown>) {
    if (!decisionId) return;
    const variables: Record<string, unknown> = {};
    for (const input of inputs) {
      const value = values[input.id];
      if (value === undefined || value === null || value === '') continue;
      const typed = input.typeRef === 'boolean' ? value === 'true' : value;
      if (isPath(input.expression)) assign(variables, input.expression.trim(), typed);
    }
    setBusy('evaluate');
    try {
      const result = await designerApi.evaluateDraftDecision(await xml(), decisionId, variables);
      setEvaluation(result);
      matched.current = result.matchedRules.filter((r) => r.decisionId === decisionId).map((r) => r.ruleId);
      highlight(matched.current);
      setProblems([]);
    } catch (e) {
      if (e instanceof ApiError && e.problem.problems?.length) setProblems(e.problem.problems);
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  const title = loaded.data?.isNew ? t('decisions.newTitle') : t('decisions.title', { id: routeId });
  return (
    <div className="cf-designer">
      <div className="cf-editor-head">
        <Typography.Title level={1} className="cf-page-title">{title}</Typography.Title>
        {dirty && <Tag color="orange">{t('unsaved')}</Tag>}
      </div>
      <Space wrap className="cf-toolbar">
        <Button type="primary" loading={busy === 'deploy'} onClick={() => void deploy()} disabled={!loaded.data}>{t('decisions.deploy')}</Button>
        <Button onClick={() => void xml().then((x) => downloadText(x, `${decisionId ?? 'decision'}.dmn`, 'application/xml'))} disabled={!loaded.data}>
          {t('editor.download')}
        </Button>
      </Space>
      {loaded.error && <Alert type="error" showIcon className="cf-gap" title={loaded.error.message} />}
      {problems.length > 0 && (
        <Alert type="error" showIcon className="cf-gap" title={t('editor.problemsTitle', { count: problems.length })} description={
          <ul className="cf-plain-list">{problems.map((p, i) => <li key={i}>{p.elementId ? `${p.elementId}${t('colon')}` : ''}{p.message}</li>)}</ul>
        } />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Spin spinning={loaded.loading}>
            <div ref={container} className="cf-dmn" />
          </Spin>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('decisions.test')}</Typography.Title>}>
            <Form form={form} layout="vertical" onFinish={(v) => void evaluate(v)}>
              {inputs.map((input) => (
                <Form.Item key={input.id} name={input.id} label={`${input.label}（${input.expression}）`}
                  extra={isPath(input.expression) ? t(`decisions.type.${input.typeRef}`, { defaultValue: input.typeRef }) : t('decisions.expressionInput')}>
                  {input.typeRef === 'number' || input.typeRef === 'integer' || input.typeRef === 'long' || input.typeRef === 'double' ? (
                    <InputNumber style={{ width: '100%' }} disabled={!isPath(input.expression)} />
                  ) : input.typeRef === 'boolean' ? (
                    <Select allowClear disabled={!isPath(input.expression)} options={[{ value: 'true', label: t('decisions.true') }, { value: 'false', label: t('decisions.false') }]} />
                  ) : input.allowed.length ? (
                    <Select allowClear disabled={!isPath(input.expression)} options={input.allowed.map((v) => ({ value: v, label: v }))} />
                  ) : (
                    <Input disabled={!isPath(input.expression)} />
                  )}
                </Form.Item>
              ))}
              <Button type="primary" htmlType="submit" loading={busy === 'evaluate'} disabled={!inputs.length}>{t('decisions.evaluate')}</Button>
            </Form>
            {evaluation && (
              <section aria-label={t('decisions.result')} className="cf-dmn-result">
                <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{t('decisions.result')}</Typography.Title>
                {evaluation.matchedRules.length === 0 ? (
                  <Alert type="warning" showIcon title={t('decisions.noMatch')} />
                ) : (
                  <Descriptions column={1} size="small" bordered items={evaluation.matchedRules.map((r) => ({
                    key: r.ruleId,
                    label: t('decisions.rule', { index: r.ruleIndex, id: r.ruleId }),
                    children: (
                      <Space orientation="vertical" size={0}>
                        {Object.entries(r.outputs).map(([k, v]) => <span key={k}><strong>{k}</strong>{t('colon')}{JSON.stringify(v)}</span>)}
                        {r.annotation && <Typography.Text type="secondary">{r.annotation}</Typography.Text>}
                      </Space>
                    ),
                  }))} />
                )}
                {evaluation.warnings.length > 0 && (
                  <Alert type="warning" className="cf-gap" title={<ul className="cf-plain-list">{evaluation.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>} />
                )}
              </section>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
