/** Legal deadlines and contract service levels (DEADLINES.md, rule set `fr-2026`): pure calendar arithmetic in Europe/Paris. */
export * from './calendar';
export * from './holidays';
export * from './periods';
export * from './business-calendar';
export * from './rule-set';
export * from './computed-deadline';
export * from './request-deadlines';
export * from './incident-deadlines';
