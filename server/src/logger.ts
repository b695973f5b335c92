// Structured logs (JSON lines, pino). The operator-facing start-up banner stays plain text (main.ts).
import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { app: 'hoi-dong-dien-tu' },
  timestamp: pino.stdTimeFunctions.isoTime,
});
