// Placeholder until this page is written (issue 6).
export default function FormEditorPage() {
  return <h1>FormEditorPage</h1>;
}
