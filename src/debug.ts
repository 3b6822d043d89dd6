// Public entry of `consentry/debug`: the report, for npm users (`debugReport(consent)`).
export { debugReport } from './browser/debug-report';
