// Where the shared trace fixtures live: ../shared beside the repo (CI clones it there too).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixtureDir = path.resolve(repoRoot, '../shared/fixtures/traces');
export const readFixture = (name: string) => readFileSync(path.join(fixtureDir, name), 'utf8');
