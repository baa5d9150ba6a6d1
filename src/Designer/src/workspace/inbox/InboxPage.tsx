// Placeholder until this page is written (issue 6).
export default function InboxPage() {
  return <h1>InboxPage</h1>;
}
