// Input types for client→server payloads as the client writes them (before server-side defaults).
import type { z } from 'zod';
import type { MotionInputSchema } from './schemas';

export type { BallotChoice, DisplayMode } from './model';
export type MotionInputRaw = z.input<typeof MotionInputSchema>;
