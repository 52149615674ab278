// Builds the UI in mock mode once and serves it for every browser test file.
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export const MOCK_DIST = join(import.meta.dirname, '..', '..', 'node_modules', '.tmp', 'dist-mock');

export default async function setup(project: TestProject) {
  const root = join(import.meta.dirname, '..', '..');
  await build({ root, mode: 'mock', logLevel: 'warn', build: { outDir: MOCK_DIST, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    root,
    mode: 'mock',
    logLevel: 'warn',
    build: { outDir: MOCK_DIST },
    preview: { port: 4180, strictPort: false, host: '127.0.0.1', open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  project.provide('baseUrl', url.replace(/\/$/, ''));
  return async () => {
    await server.close();
  };
}
