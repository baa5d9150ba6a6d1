// Placeholder until this page is written (issue 6).
export default function HotlinePage() {
  return <h1>HotlinePage</h1>;
}
