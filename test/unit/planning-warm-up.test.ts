// The planner's warm-up (shared/planning/warmUp.ts): a made-up plan a new worker runs once while the
// database reads, so its first real plan runs on compiled code.
import { expect, test } from 'vitest';
import { warmUpPlanner } from '../../shared/planning/warmUp';

test('runs the made-up plan once per worker, then returns at once', () => {
  // The first call builds a two-year history of 120 SKUs at two FBA locations and plans it: no throw.
  expect(warmUpPlanner()).toBe(true);
  expect(warmUpPlanner()).toBe(false);
});
