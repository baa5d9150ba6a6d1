// Placeholder until this page is written (issue 6).
export default function ProcessListPage() {
  return <h1>ProcessListPage</h1>;
}
