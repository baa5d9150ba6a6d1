import { Form as FormViewer } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Alert, Button, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { tasks, type FormComponent, type FormFieldError, type FormSchema } from '../api';
import { errorText } from '../shared/labels';
import { useAsync } from '../../app/useAsync';

/** The component id of each key (dotted for nested keys), so a server error on a field lands on that field. */
function idsByKey(components: FormComponent[], prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const c of components) {
    const path = c.key ? `${prefix}${c.key}` : prefix.replace(/\.$/, '');
    if (c.key) into.set(path, c.id);
    if (c.components) idsByKey(c.components, c.key ? `${path}.` : prefix, into);
  }
  return into;
}

interface Props {
  taskId: string;
  /** Called once the service completed the task. */
  onCompleted: () => void;
}

/**
 * A task's form drawn by form-js' viewer (the same schema the designer edits), validated in the browser before it
 * is sent, and again by the service: a 422 from the service is shown on the field it names.
 */
export function TaskForm({ taskId, onCompleted }: Props) {
  const { t } = useTranslation('workspace');
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<FormViewer | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [ready, setReady] = useState(false);
  const form = useAsync(async () => {
    try {
      return await tasks.form(taskId);
    } catch (e) {
      // A task without a form is completed with a button alone.
      if (e instanceof ApiError && e.code === 'form_not_found') return null;
      throw e;
    }
  }, [taskId]);
  const schema: FormSchema | null | undefined = form.data?.schema;

  useEffect(() => {
    if (!container.current || !schema) return;
    const created = new FormViewer({ container: container.current });
    viewer.current = created;
    let live = true;
    void created.importSchema(schema, {}).then(() => live && setReady(true), (e: unknown) => live && setFailure(errorText(e, t('error'))));
    return () => {
      live = false;
      setReady(false);
      created.destroy();
      viewer.current = null;
    };
  }, [schema, t]);

  function showServerErrors(errors: FormFieldError[]) {
    if (!viewer.current || !schema) return;
    const ids = idsByKey(schema.components);
    const byId: Record<string, string[]> = {};
    for (const error of errors) {
      const id = ids.get(error.field.replace(/\[\d+\]/g, ''));
      if (id) (byId[id] ??= []).push(error.message);
    }
    viewer.current._setState({ errors: byId });
  }

  function focusFirstError() {
    const invalid = container.current?.querySelector<HTMLElement>('.fjs-has-errors input, .fjs-has-errors textarea, .fjs-has-errors select, .fjs-has-errors [tabindex]');
    invalid?.focus();
  }

  async function submit() {
    setFailure(undefined);
    let data: Record<string, unknown> = {};
    if (viewer.current) {
      const result = viewer.current.submit();
      if (Object.keys(result.errors).length > 0) {
        setFailure(t('case.task.invalid'));
        setTimeout(focusFirstError, 0);
        return;
      }
      data = result.data;
    }
    setSubmitting(true);
    try {
      await tasks.complete(taskId, data);
      onCompleted();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && Array.isArray(e.problem.errors)) {
        showServerErrors(e.problem.errors as unknown as FormFieldError[]);
        setTimeout(focusFirstError, 0);
      }
      setFailure(errorText(e, t('error')));
    } finally {
      setSubmitting(false);
    }
  }

  if (form.loading && !form.data) return <Spin />;
  if (form.error) return <Alert type="error" showIcon title={form.error.message} />;
  return (
    <div className="cf-task-form">
      {schema ? <div ref={container} className="cf-form-viewer" /> : <p>{t('case.task.noForm')}</p>}
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} />}
      <Space>
        <Button type="primary" size="large" loading={submitting} disabled={!!schema && !ready} onClick={() => void submit()}>
          {t('case.task.complete')}
        </Button>
      </Space>
    </div>
  );
}
