export * from './actor';
export * from './errors';
export * from './time';
export * from './metadata';
export * from './case/case.events';
