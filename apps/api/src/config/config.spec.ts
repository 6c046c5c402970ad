import { ConfigError, loadConfig } from './config';

const fails = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (e) {
    return { variable: (e as ConfigError).variable, message: (e as Error).message };
  }
  return null;
};

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', store: 'sqlite', timezone: 'Europe/Paris', maxUploadBytes: 26214400, bootstrapAdmin: null });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('reads the bootstrap admin, keeping colons in the password', () => {
    expect(loadConfig({ MC_BOOTSTRAP_ADMIN: 'admin:pa:ss word' }).bootstrapAdmin).toEqual({ username: 'admin', password: 'pa:ss word' });
  });

  it('takes an EventStoreDB cluster with its connection string', () => {
    const c = loadConfig({ MC_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://node1:2113,node2:2113,node3:2113?tls=false' });
    expect(c).toMatchObject({ store: 'eventstoredb', eventStoreConnectionString: 'esdb://node1:2113,node2:2113,node3:2113?tls=false' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ MC_STORE: 'mongo' }, 'MC_STORE'],
    [{ MC_STORE: 'eventstoredb' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ MC_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ MC_BOOTSTRAP_ADMIN: 'admin' }, 'MC_BOOTSTRAP_ADMIN'],
    [{ MC_TIMEZONE: 'Mars/Olympus' }, 'MC_TIMEZONE'],
    [{ MC_MAX_UPLOAD_BYTES: '-1' }, 'MC_MAX_UPLOAD_BYTES'],
  ])('refuses %j in one sentence naming %s', (env, variable) => {
    const problem = fails(env);
    expect(problem?.variable).toBe(variable);
    expect(problem?.message).toContain(variable);
    expect(problem?.message.split('. ').length).toBe(1);
  });
});
