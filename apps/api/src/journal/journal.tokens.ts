export const APP_CONFIG = Symbol('APP_CONFIG');
export const CLOCK = Symbol('CLOCK');
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
