// What the process editor needs of a form without loading form-js' editor: the new form's schema and the
// handle the editor exposes. FormDesigner itself is loaded lazily, when a form is opened.
import type { FormSchema } from '../api';

export interface FormDesignerHandle {
  schema(): FormSchema;
}

/** A new form: one comment field (its label in the supervisor's language), to be shaped in the editor. */
export function emptyFormSchema(formId: string, commentLabel: string): FormSchema {
  return {
    id: formId,
    type: 'default',
    schemaVersion: 18,
    components: [{ type: 'textfield', key: 'comment', label: commentLabel, id: 'Field_comment' }],
  };
}
