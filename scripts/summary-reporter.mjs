// A vitest reporter that ends the run with one line, `N passed, M failed` (and skipped, when
// any), so `npm test` finishes with the verdict rather than the last table it printed.
// Used after the default reporter: `vitest run --reporter=default --reporter=./scripts/summary-reporter.mjs`.
export default class SummaryReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      // A file that failed to load has no tests: it counts as one failure.
      if (module.state() == 'failed' && ![...module.children.allTests()].length) count.failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state == 'passed') count.passed++;
        else if (state == 'failed') count.failed++;
        else count.skipped++;
      }
    }
    const failed = count.failed + unhandledErrors.length;
    const skipped = count.skipped ? `, ${count.skipped} skipped` : '';
    process.stdout.write(`\n${count.passed} passed, ${failed} failed${skipped}\n`);
  }
}
