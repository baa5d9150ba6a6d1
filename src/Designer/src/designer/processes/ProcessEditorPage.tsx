// Placeholder until this page is written (issue 6).
export default function ProcessEditorPage() {
  return <h1>ProcessEditorPage</h1>;
}
