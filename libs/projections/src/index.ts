export * from './case-view/case-stream';
export * from './case-view/timeline';
export * from './case-view/case-summary';
export * from './case-view/changes';
export * from './runner/sql-projection';
export * from './runner/projection-runner';
export * from './case-list/case-list.projection';
export * from './case-view/request-register';
export * from './case-view/outages';
export * from './case-view/case-access';
export * from './account-list/account-list.projection';

import { accountListProjection } from './account-list/account-list.projection';
import { caseListProjection } from './case-list/case-list.projection';
/** Every SQL read model the service keeps (rebuilt together by `main-courante replay`). */
export const JOURNAL_PROJECTIONS = [caseListProjection, accountListProjection];
export * from './provider/scorecard';
