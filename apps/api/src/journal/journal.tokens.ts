export const APP_CONFIG = Symbol('APP_CONFIG');
export const CLOCK = Symbol('CLOCK');
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
export const CONTENT_STORE = Symbol('CONTENT_STORE');
export const SIGNING_KEY = Symbol('SIGNING_KEY');
