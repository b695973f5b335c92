export const PROTOCOL_VERSION = 1;

export * from './model';
export * from './recipients';
export * from './errors';
export * from './format';
export * from './views';
// The zod schemas have their own entry point, '@hddt/protocol/schemas': the server and the console validate
// with them; the tablet and the display never validate, so their bundles carry no zod. Only the types
// derived from the schemas are re-exported here (erased at build time).
export type { AgendaItemInput, CouncilPatch, DelegateInput, DelegatePatch, DocumentMeta, MotionInput, SessionInput, SessionPatch } from './schemas';
export * from './events';
export * from './rest';
// The REST routes' description carries zod (its body schemas): here only its types (see rest-routes.ts).
export type {
  HallLayoutView,
  HealthResponse,
  HttpMethod,
  OkResponse,
  OpenApiDocument,
  RawRequestKind,
  RestRouteName,
  RestRoutePath,
  RouteAuth,
  RouteBodyInputOf,
  RouteBodyKind,
  RouteBodyOf,
  RouteQueryParam,
  RouteRawRequestOf,
  RouteResponseOf,
  RouteSpec,
  RouteSpecs,
} from './rest-routes';
export * from './records';
export type { MotionInputRaw } from './payloads';
export * from './portal';
export * from './portal-content';
export type { ContentEdit, ContentInput } from './portal-content-schemas';
export * from './patches';
export * from './ballot-rules';
export * from './questions';
export * from './liveness';
export * from './vocabulary';
export * from './seat-map';
export * from './notes';
export * from './hall-time';
