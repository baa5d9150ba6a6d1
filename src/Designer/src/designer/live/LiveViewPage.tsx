// Placeholder until this page is written (issue 6).
export default function LiveViewPage() {
  return <h1>LiveViewPage</h1>;
}
