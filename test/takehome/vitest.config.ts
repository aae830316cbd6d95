// `npm run test:takehome`: the exported project installed from the npm registry and run for real.
// Apart from the unit suite (it needs the network to the registry and takes a minute or two).
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vite.config.ts';

const config = mergeConfig(base, defineConfig({ test: { testTimeout: 300_000, hookTimeout: 300_000 } }));
// mergeConfig concatenates arrays: the unit suite's include must be replaced, not extended
config.test!.include = ['test/takehome/**/*.test.ts'];
export default config;
