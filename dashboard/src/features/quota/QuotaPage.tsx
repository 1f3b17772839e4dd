// Placeholder until the view is built (replaced in this change).
export function QuotaPage() {
  return <section><h2>QuotaPage</h2></section>;
}
