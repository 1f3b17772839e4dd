// Placeholder until the view is built (replaced in this change).
export function OverviewPage() {
  return <section><h2>OverviewPage</h2></section>;
}
