export * from './sha256';
export * from './content-store';
export * from './abandoned-files';
export * from './media-type';
export * from './signing-key';
export * from './bundle/bundle-format';
export { VERIFY_COMMANDS, renderReadme, type ReadmeInput } from './bundle/readme';
export * from './bundle/write-bundle';
export * from './bundle/verify-bundle';
export {
  STEP_LABELS,
  type BundleFailure,
  type BundleFailureCode,
  type BundleVerification,
  type BundleVerified,
  type BundleWarning,
  type VerificationStep,
} from './bundle/verification-result';
