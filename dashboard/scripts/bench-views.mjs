// The views the dashboard budget measures (scripts/bench.mjs) and the browser test visits: the lazy module
// of each view, its path, and the element that says its main content is on screen.
export const VIEWS = [
  { id: 'overview', module: 'src/features/overview/OverviewPage.tsx', path: '/', ready: '[data-testid="overview-programs"] tbody tr' },
  { id: 'desil', module: 'src/features/desil/components/DesilPage.tsx', path: '/desil', ready: '[data-testid="desil-chart"] .recharts-bar-rectangle' },
  { id: 'targeting', module: 'src/features/targeting/TargetingPage.tsx', path: '/sasaran', ready: '[data-testid="targeting-causes"] tbody tr' },
  { id: 'quota', module: 'src/features/quota/QuotaPage.tsx', path: '/kuota', ready: '[data-testid="quota-table"] tbody tr' },
  { id: 'trends', module: 'src/features/trends/TrendsPage.tsx', path: '/tren', ready: '[data-testid="trends-coverage-table"] tbody tr' },
  { id: 'proposals', module: 'src/features/proposals/ProposalsPage.tsx', path: '/usulan', ready: '[data-testid="proposals-table"] tbody tr' },
];
