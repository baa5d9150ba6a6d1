import { Alert, Button, Col, Form, Input, Radio, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import {
  CALL_CATEGORIES, CASE_FAMILIES, FAMILY_OF_CATEGORY, hotline, URGENCIES,
  type CallCategory, type CallDto, type CaseFamily, type RoutedCaseDto, type Urgency,
} from '../api';
import { errorText } from '../shared/labels';
import { useUnitTree } from '../shared/units';
import { CallerHistory } from './CallerHistory';
import '../workspace.css';
import { CollectiveHint } from './CollectiveHint';
import { EmployerField, type EmployerValue } from './EmployerField';

interface IntakeValues {
  callerPhone: string;
  callerName?: string;
  category?: CallCategory;
  urgency: Urgency;
  unitId?: string;
  employer?: EmployerValue;
  description?: string;
  family?: CaseFamily;
  answer?: string;
}

type Action = 'log' | 'answer' | 'case';

interface Done {
  call: CallDto;
  routed?: RoutedCaseDto;
}

const FORM_FIELDS = ['callerPhone', 'callerName', 'category', 'urgency', 'unitId', 'description', 'answer'] as const;
/** The service names employerName/employerId where the form has one employer field. */
const FIELD_OF: Record<string, string> = { employerName: 'employer', employerId: 'employer' };

/**
 * Hotline intake on one screen, built for speed: the phone field has the focus, the caller's history appears
 * beside the form while the number is typed, Enter logs the call, Ctrl+Enter logs it and opens a case, Alt+Enter
 * logs it as answered; after each call the form is empty again, the phone field focused, ready for the next.
 */
export default function HotlinePage() {
  const { t } = useTranslation('workspace');
  const { me } = useAuth();
  const [form] = Form.useForm<IntakeValues>();
  const phone = Form.useWatch('callerPhone', form) ?? '';
  const category = Form.useWatch('category', form);
  const employer = Form.useWatch('employer', form);
  const unitId = Form.useWatch('unitId', form);
  const [busy, setBusy] = useState<Action | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** A call logged whose routing failed: routing again must not log it twice. */
  const [pending, setPending] = useState<CallDto | null>(null);
  const phoneInput = useRef<HTMLInputElement | null>(null);
  const unitTree = useUnitTree();
  const defaultFamily = category ? FAMILY_OF_CATEGORY[category] : undefined;

  useEffect(() => {
    document.title = t('hotline.title');
  }, [t]);

  const focusPhone = () => setTimeout(() => phoneInput.current?.focus(), 0);

  async function act(action: Action) {
    if (busy) return;
    setFailure(null);
    let values: IntakeValues;
    try {
      values = await form.validateFields(action === 'answer' ? undefined : FORM_FIELDS.filter((f) => f !== 'answer'));
      if (action === 'answer' && !values.answer?.trim()) {
        form.setFields([{ name: 'answer', errors: [t('hotline.answerRequired')] }]);
        return;
      }
    } catch {
      return; // antd shows each field's message beside it
    }
    setBusy(action);
    try {
      let call = pending;
      if (!call) {
        call = await hotline.log({
          callerPhone: values.callerPhone.trim(),
          callerName: values.callerName?.trim() || undefined,
          category: values.category!,
          urgency: values.urgency,
          unitId: values.unitId,
          employerId: values.employer?.id,
          employerName: values.employer?.id ? undefined : values.employer?.name?.trim() || undefined,
          description: values.description!.trim(),
          answer: action === 'answer' ? values.answer!.trim() : undefined,
        });
      }
      let routed: RoutedCaseDto | undefined;
      if (action === 'case') {
        try {
          routed = (await hotline.route(call.id, call.version, values.family)).case;
        } catch (e) {
          setPending(call);
          throw e;
        }
      }
      setPending(null);
      setDone({ call, routed });
      form.resetFields();
      focusPhone();
    } catch (e) {
      const field = e instanceof ApiError ? e.problem.field : undefined;
      const name = field ? FIELD_OF[field] ?? field : undefined;
      if (name && (FORM_FIELDS as readonly string[]).concat('employer', 'family').includes(name)) {
        form.setFields([{ name: name as keyof IntakeValues, errors: [errorText(e, t('error'))] }]);
      }
      setFailure(errorText(e, t('error')));
    } finally {
      setBusy(null);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    // An open list (category, employer) takes Enter to choose its option.
    if (target.getAttribute('aria-expanded') === 'true') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void act('case');
    } else if (event.altKey) {
      event.preventDefault();
      void act('answer');
    } else if (target.tagName === 'INPUT') {
      event.preventDefault();
      void act('log');
    }
  }

  return (
    <div className="cf-hotline">
      <Typography.Title level={1} className="cf-page-title">{t('hotline.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" className="cf-shortcuts" id="hotline-shortcuts">
        {t('hotline.shortcuts')}
      </Typography.Paragraph>
      {done && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setDone(null)}
          className="cf-intake-done"
          role="status"
          title={done.routed
            ? t(done.routed.joined ? 'hotline.done.joined' : 'hotline.done.case')
            : t(done.call.outcome === 'Answered' ? 'hotline.done.answered' : 'hotline.done.logged')}
          description={done.routed ? (
            <Space wrap>
              <span>{t('hotline.done.caseNumber')}</span>
              <Link to={`/cases/${done.routed.id}`} data-testid="intake-case-link">{done.routed.number}</Link>
              <span>{t(`family.${done.routed.family}`)}</span>
              {done.routed.flagged && <strong>{t('hotline.done.flagged')}</strong>}
            </Space>
          ) : undefined}
        />
      )}
      {failure && <Alert type="error" showIcon closable onClose={() => setFailure(null)} title={failure} style={{ marginTop: 8 }} />}
      {pending && <Alert type="info" showIcon title={t('hotline.pending')} style={{ marginTop: 8 }} />}
      <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={14}>
          <Form
            form={form}
            layout="vertical"
            onKeyDown={onKeyDown}
            initialValues={{ urgency: 'Normal', unitId: me?.unitId ?? undefined }}
            aria-describedby="hotline-shortcuts"
            requiredMark
          >
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="callerPhone"
                  label={t('hotline.phone')}
                  rules={[
                    { required: true, message: t('hotline.phoneRequired') },
                    { pattern: /^[\d\s-]{7,20}$/, message: t('hotline.phoneInvalid') },
                  ]}
                >
                  <Input ref={(el) => { phoneInput.current = el?.input ?? null; }} autoFocus inputMode="tel" autoComplete="off" maxLength={20} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="callerName" label={t('hotline.callerName')} rules={[{ max: 50 }]}>
                  <Input autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="category" label={t('hotline.category')} rules={[{ required: true, message: t('hotline.categoryRequired') }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('hotline.categoryPlaceholder')}
                    options={CALL_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="urgency" label={t('hotline.urgency')}>
                  <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="employer" label={t('hotline.employer')}>
                  <EmployerField />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="unitId" label={t('hotline.unit')} rules={[{ required: true, message: t('hotline.unitRequired') }]}>
                  <TreeSelect treeData={unitTree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
                </Form.Item>
              </Col>
            </Row>
            <CollectiveHint employer={employer} unitId={unitId} />
            <Form.Item
              name="description"
              label={t('hotline.description')}
              rules={[{ required: true, whitespace: true, message: t('hotline.descriptionRequired') }, { max: 4000 }]}
              style={{ marginTop: 12 }}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="family" label={t('hotline.family')} extra={defaultFamily ? t('hotline.familyDefault', { family: t(`family.${defaultFamily}`) }) : undefined}>
                  <Select
                    allowClear
                    placeholder={defaultFamily ? t(`family.${defaultFamily}`) : t('hotline.familyPlaceholder')}
                    options={CASE_FAMILIES.map((f) => ({ value: f, label: t(`family.${f}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="answer" label={t('hotline.answer')} rules={[{ max: 4000 }]}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
                </Form.Item>
              </Col>
            </Row>
            <Space wrap>
              <Button type="primary" accessKey="l" loading={busy === 'log'} onClick={() => void act('log')}>
                {t('hotline.actions.log')}
              </Button>
              <Button accessKey="a" loading={busy === 'answer'} onClick={() => void act('answer')}>
                {t('hotline.actions.answer')}
              </Button>
              <Button accessKey="c" loading={busy === 'case'} onClick={() => void act('case')}>
                {pending ? t('hotline.actions.retryCase') : t('hotline.actions.case')}
              </Button>
              <Button type="text" onClick={() => { form.resetFields(); setPending(null); setFailure(null); focusPhone(); }}>
                {t('hotline.actions.clear')}
              </Button>
            </Space>
          </Form>
        </Col>
        <Col xs={24} lg={10}>
          <CallerHistory phone={phone} />
        </Col>
      </Row>
    </div>
  );
}
