// First start: a council record with the national defaults, to be named and configured by the secretariat.
import { randomUUID } from 'node:crypto';
import { defaultCouncilConfig } from '../domain/defaults';
import type { Engine } from '../engine';

export async function initializeCouncil(services: { engine: Engine }): Promise<void> {
  const result = await services.engine.execute({ type: 'council.initialize', council: defaultCouncilConfig(randomUUID()) }, { kind: 'system' });
  if (!result.ok) throw new Error(`Could not initialise the council: ${result.code}`);
}
