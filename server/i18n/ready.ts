// The page templates whose every word comes from the catalogue. A Welsh page rendered from any
// other template says it is not yet in Welsh and marks its body lang="en" (views/layout.eta).
export const WELSH_READY: ReadonlySet<string> = new Set([
  'error',
  'home',
  'search',
  'areas',
  'area',
  'worker',
  'insights',
  'about',
  'privacy',
  'help',
  'status',
  'status-result',
  'status-edit',
  'status-edit-done',
  'withdraw',
  'withdraw-done',
  'nominate',
  'nominate-check',
  'nominate-done',
]);
