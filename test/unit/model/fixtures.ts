// Where the trace fixtures live: test/fixtures/traces, inside the repository (origin in its SOURCES.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixtureDir = path.resolve(repoRoot, 'test/fixtures/traces');
export const readFixture = (name: string) => readFileSync(path.join(fixtureDir, name), 'utf8');
