import { randomUUID } from 'node:crypto';
import { AccessPolicy } from '@mc/access';
import { Actor, DomainError, fixedClock } from '@mc/domain';
import { SqliteEventStore } from '@mc/event-store';
import type { ProviderCommand } from '@mc/domain/provider/provider';
import { loadProvider } from '../../provider-stream';
import { ListProvidersHandler } from '../../queries/list-providers/list-providers.query';
import { ExecuteProviderCommand } from './execute-provider-command.command';
import { ExecuteProviderCommandHandler } from './execute-provider-command.handler';

const admin: Actor = { id: 'adm', username: 'admin', role: 'admin' };
const manager: Actor = { id: 'm1', username: 'dgs', role: 'manager' };

const register: ProviderCommand = { type: 'RegisterProvider', data: { name: 'Bordeaux Métropole — DGNSI' } };
const restoration: ProviderCommand = {
  type: 'DefineSlaCommitment',
  data: { metric: 'service_restoration', target: 1440, calendar: '24x7', source: "Contrat d'engagement, annexe 4, indicateur 4.1.2" },
};

describe('ExecuteProviderCommandHandler', () => {
  const clock = fixedClock('2019-11-20T10:00:00.000Z');
  let store: SqliteEventStore;
  let handler: ExecuteProviderCommandHandler;

  beforeEach(() => {
    store = new SqliteEventStore({ file: ':memory:', clock });
    handler = new ExecuteProviderCommandHandler(store, new AccessPolicy());
  });
  afterEach(() => store.close());

  it('registers a provider under a new id and appends its commitments with the metadata of every event', async () => {
    const registered = await handler.execute(new ExecuteProviderCommand(null, register, admin, 'corr-1'));
    expect(registered).toMatchObject({ streamId: `provider-${registered.id}`, revision: 0 });
    const defined = await handler.execute(new ExecuteProviderCommand(registered.id, restoration, admin, 'corr-2'));
    expect(defined.revision).toBe(1);

    const stream = await store.readStream(`provider-${registered.id}`);
    expect(stream.map((e) => e.type)).toEqual(['ProviderRegistered', 'SlaCommitmentDefined']);
    expect(stream[1].metadata).toMatchObject({ schemaVersion: 1, actor: admin, correlationId: 'corr-2', causationId: expect.any(String) });
    expect(stream[1].prevHash).toBe(stream[0].hash);

    const { state } = await loadProvider(store, registered.id);
    expect(state.commitments.service_restoration).toMatchObject({ target: 1440, definedAt: stream[1].metadata.recordedAt });
  });

  it('refuses anyone but an admin, before reading anything', async () => {
    const refusal = await handler.execute(new ExecuteProviderCommand(null, register, manager, 'c')).catch((e) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal.code).toBe('FORBIDDEN');
    expect(await store.headPosition()).toBe(0);
  });

  it('answers not found for an unknown or malformed provider id', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '../../etc']) {
      const refusal = await handler.execute(new ExecuteProviderCommand(id, restoration, admin, 'c')).catch((e) => e);
      expect([refusal.code, refusal.problems[0].field]).toEqual(['NOT_FOUND', 'providerId']);
    }
    expect(await store.headPosition()).toBe(0);
  });

  it('answers a revision conflict when the client expected another revision', async () => {
    const { id } = await handler.execute(new ExecuteProviderCommand(null, register, admin, 'c'));
    const refusal = await handler.execute(new ExecuteProviderCommand(id, restoration, admin, 'c', 3)).catch((e) => e);
    expect(refusal.code).toBe('REVISION_CONFLICT');
    expect((await handler.execute(new ExecuteProviderCommand(id, restoration, admin, 'c', 0))).revision).toBe(1);
  });

  it('lists only provider streams, including ones registered after the first listing', async () => {
    const list = new ListProvidersHandler(store);
    await store.append(
      'case-1',
      [{ eventId: 'e1', type: 'CaseOpened', data: { title: 'Coupure' }, metadata: { schemaVersion: 1, actor: admin, correlationId: 'c', causationId: 'c' } }],
      'no_stream',
    );
    expect(await list.execute()).toEqual([]);
    const first = await handler.execute(new ExecuteProviderCommand(null, register, admin, 'c'));
    await handler.execute(new ExecuteProviderCommand(first.id, restoration, admin, 'c'));
    const second = await handler.execute(new ExecuteProviderCommand(null, { type: 'RegisterProvider', data: { name: 'Agence — infogérance' } }, admin, 'c'));
    const listed = await list.execute();
    expect(listed.map((p) => [p.id, p.commitments.length])).toEqual([
      [second.id, 0],
      [first.id, 1],
    ]);
  });
});
