// Placeholder until this page is written (issue 6).
export default function DecisionEditorPage() {
  return <h1>DecisionEditorPage</h1>;
}
