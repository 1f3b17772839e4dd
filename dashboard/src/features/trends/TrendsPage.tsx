// Placeholder until the view is built (replaced in this change).
export function TrendsPage() {
  return <section><h2>TrendsPage</h2></section>;
}
