// form-js' editor with a Preview tab (form-js' viewer on the schema as it is now). Used by the form editor page
// and by the process editor's "Edit form" dialog.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import { Tabs } from 'antd';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormSchema } from '../api';
import '../designer.css';

import type { FormDesignerHandle } from './formSchema';

export default function FormDesigner({ schema, handle, onChange }: {
  schema: FormSchema;
  handle: RefObject<FormDesignerHandle | null>;
  onChange?: () => void;
}) {
  const { t } = useTranslation('designer');
  const editorContainer = useRef<HTMLDivElement>(null);
  const previewContainer = useRef<HTMLDivElement>(null);
  const editor = useRef<FormEditor | null>(null);
  const [tab, setTab] = useState('design');
  const [previewError, setPreviewError] = useState<string>();
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const instance = new FormEditor({ container: editorContainer.current! });
    editor.current = instance;
    handle.current = { schema: () => instance.saveSchema() as FormSchema };
    void instance.importSchema(schema).then(() => {
      instance.on('changed', () => changed.current?.());
    });
    return () => {
      instance.destroy();
      editor.current = null;
      handle.current = null;
    };
    // One editor per schema: a new schema (another form, a reload) builds a new editor.
  }, [schema, handle]);

  useEffect(() => {
    if (tab !== 'preview' || !editor.current) return;
    const form = new Form({ container: previewContainer.current! });
    setPreviewError(undefined);
    form.importSchema(editor.current.saveSchema(), {}).catch((e: Error) => setPreviewError(e.message));
    return () => form.destroy();
  }, [tab]);

  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        { key: 'design', label: t('forms.design'), forceRender: true, children: <div ref={editorContainer} className="cf-form-editor" /> },
        {
          key: 'preview', label: t('forms.preview'), children: (
            <div className="cf-form-preview">
              {previewError && <div role="alert">{previewError}</div>}
              <div ref={previewContainer} />
            </div>
          ),
        },
      ]}
    />
  );
}
