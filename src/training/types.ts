/** The training scenario shape, from the core (src/core/scenario.ts), under the names this page uses. */
export type { Scenario, ScenarioSector as Sector } from '../core/scenario.ts';
export { SCENARIO_SECTORS as SECTORS } from '../core/scenario.ts';
