import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './support/postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** One real PostgreSQL server for the whole run, stopped and removed afterwards. */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  console.warn(`store-postgres tests: ${cluster.version} at ${cluster.url}`);
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
