// Placeholder until this page is written (issue 6).
export default function InstancePage() {
  return <h1>InstancePage</h1>;
}
