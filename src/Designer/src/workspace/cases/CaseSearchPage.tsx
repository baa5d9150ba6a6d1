// Placeholder until this page is written (issue 6).
export default function CaseSearchPage() {
  return <h1>CaseSearchPage</h1>;
}
