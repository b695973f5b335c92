// /health and /metrics (Prometheus text format) for the hall's IT officer: connected clients by role, open
// rounds, ballots per second (rate of a counter), commit latency, event-loop lag, log position.

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Express } from 'express';
import type { Services } from './services';

export function attachMetrics(app: Express, services: Services): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const { engine, hub } = services;

  new Gauge({
    name: 'hddt_connected_clients',
    help: 'Connected live clients by role',
    labelNames: ['role'] as const,
    registers: [registry],
    collect() {
      this.set({ role: 'chair' }, hub.chair?.sockets.size ?? 0);
      this.set({ role: 'delegate' }, hub.delegate?.sockets.size ?? 0);
      this.set({ role: 'display' }, hub.display?.sockets.size ?? 0);
    },
  });
  new Gauge({
    name: 'hddt_open_rounds',
    help: 'Voting rounds currently open',
    registers: [registry],
    collect() {
      this.set(Object.values(engine.state.rounds).filter((r) => r.status === 'open').length);
    },
  });
  new Gauge({
    name: 'hddt_log_seq',
    help: 'Position (seq) of the last entry in the event log',
    registers: [registry],
    collect() {
      this.set(engine.seq);
    },
  });
  const ballots = new Counter({ name: 'hddt_ballots_total', help: 'Ballots committed', registers: [registry] });
  const events = new Counter({ name: 'hddt_events_total', help: 'Events committed to the log', registers: [registry] });
  const refusals = new Counter({
    name: 'hddt_security_refusals_total',
    help: 'Security-relevant refusals recorded in the log',
    registers: [registry],
  });
  const commit = new Histogram({
    name: 'hddt_commit_duration_seconds',
    help: 'Duration of one group-commit transaction (fsync included)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'hddt_commit_batch_events',
    help: 'Events per group-commit transaction',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000],
    registers: [registry],
  });
  engine.onCommit((batch) => {
    commit.observe(batch.commitMs / 1000);
    batchSize.observe(batch.events.length);
    events.inc(batch.events.length);
    let n = 0;
    let refused = 0;
    for (const { event } of batch.events) {
      if (event.type === 'ballot.cast' || event.type === 'ballot.secret-cast') n += 1;
      else if (event.type === 'security.refused') refused += 1;
    }
    if (n > 0) ballots.inc(n);
    if (refused > 0) refusals.inc(refused);
  });

  app.get('/health', (_req, res) => {
    let database = true;
    try {
      services.engine.store.ping();
    } catch {
      database = false;
    }
    res.status(database ? 200 : 503).json({
      ok: database,
      seq: engine.seq,
      uptimeSec: Math.round(process.uptime()),
      clients: {
        chair: hub.chair?.sockets.size ?? 0,
        delegate: hub.delegate?.sockets.size ?? 0,
        display: hub.display?.sockets.size ?? 0,
      },
    });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  });
  return registry;
}
