const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Whether a text is a UUID (any version 1-8, RFC variant): the ids of cases, providers, accounts and entries. */
export const isUuid = (value: string): boolean => UUID.test(value);
