// The records project's setup: one PostgreSQL cluster for every test file (each file makes its
// own databases in it), and the built CLI for the tests that run `consentry serve` as a process.
import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
