// Public entry of `consentry/debug`: the report, for npm users (`debugReport(consent)`).
export { debugReport } from './browser/debug-report';
export type { DebugPage } from './browser/debug-report';
export type { LeftoverScript } from './browser/leftover-scripts';
