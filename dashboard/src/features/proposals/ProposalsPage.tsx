// Placeholder until the view is built (replaced in this change).
export function ProposalsPage() {
  return <section><h2>ProposalsPage</h2></section>;
}
