export * from './case-view/case-stream';
export * from './case-view/timeline';
export * from './case-view/case-summary';
export * from './case-view/changes';
export * from './runner/sql-projection';
export * from './runner/projection-runner';
export * from './case-list/case-list.projection';
export * from './case-view/request-register';
