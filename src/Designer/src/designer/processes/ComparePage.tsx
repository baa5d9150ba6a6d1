// Placeholder until this page is written (issue 6).
export default function ComparePage() {
  return <h1>ComparePage</h1>;
}
