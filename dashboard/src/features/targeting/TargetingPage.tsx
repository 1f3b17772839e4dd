// Placeholder until the view is built (replaced in this change).
export function TargetingPage() {
  return <section><h2>TargetingPage</h2></section>;
}
