export const PROTOCOL_VERSION = 1;

export * from './model';
export * from './errors';
export * from './format';
export * from './views';
export * from './schemas';
export * from './events';
export * from './rest';
export * from './records';
export type { MotionInputRaw } from './payloads';
export * from './portal';
export * from './portal-content';
export * from './patches';
