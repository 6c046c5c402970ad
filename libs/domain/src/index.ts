export * from './actor';
export * from './errors';
export * from './time';
export * from './metadata';
export * from './case/case.events';
export * from './case/case.commands';
export * from './case/case.state';
export * from './case/case.decide';
