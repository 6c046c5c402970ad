export * from './dossier-input';
export * from './render-dossier';
export { messagesFor } from './i18n';
export type { Lang, Messages } from './i18n';
export * from './report/render-provider-report';
