// Placeholder until this page is written (issue 6).
export default function CasePage() {
  return <h1>CasePage</h1>;
}
