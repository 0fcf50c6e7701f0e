/** The page's scenarios: the bundled gallery (src/data/scenarios.json), validated by the core's loader. */
import { loadScenarios } from '../core/scenario.ts';
import type { Scenario } from './types.ts';

export { scenarioCitations } from '../core/scenario.ts';

export const SCENARIOS: readonly Scenario[] = loadScenarios();
