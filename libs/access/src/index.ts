export * from './account-id';
export * from './password-hasher';
export * from './token-service';
export * from './access-policy';
export * from './accounts';
export * from './login-throttle';
