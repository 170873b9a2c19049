// Builds the four bundles into dist/ (see scripts/bundles.mjs); --production minifies, --watch rebuilds.
import { build, context } from 'esbuild';
import { bundleTargets } from './scripts/bundles.mjs';

const production = process.argv.includes('--production');
const targets = Object.values(bundleTargets({ production }));
if (process.argv.includes('--watch')) {
  for (const t of targets) (await context(t)).watch();
} else {
  await Promise.all(targets.map((t) => build(t)));
}
