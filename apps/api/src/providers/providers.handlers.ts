import { ExecuteProviderCommandHandler } from './commands/execute-provider-command/execute-provider-command.handler';
import { GetProviderHandler } from './queries/get-provider/get-provider.query';
import { ListProvidersHandler } from './queries/list-providers/list-providers.query';
import { ExportProviderReportHandler } from './scorecard/export-provider-report.command';
import { GetProviderScorecardHandler, ScorecardBuilder } from './scorecard/provider-scorecard.query';

/** What app.module.ts registers for the provider register (no module of its own, like cases). */
export const ProviderCommandHandlers = [ExecuteProviderCommandHandler, ExportProviderReportHandler];
export const ProviderQueryHandlers = [ListProvidersHandler, GetProviderHandler, GetProviderScorecardHandler];
/** Services the provider handlers share. */
export const ProviderServices = [ScorecardBuilder];
export { ProvidersController } from './providers.controller';
export { loadProvider, type LoadedProvider } from './provider-stream';
