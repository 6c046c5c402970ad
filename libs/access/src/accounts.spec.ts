import { fixedClock, type Actor } from '@mc/domain';
import { SqliteEventStore } from '@mc/event-store';
import { Accounts } from './accounts';

const ADMIN: Actor = { id: '00000000-0000-4000-8000-000000000001', username: 'admin', role: 'admin' };

describe('Accounts.findById', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore({ file: ':memory:', clock: fixedClock('2026-03-02T08:30:00.000Z') })));
  afterEach(() => store.close());

  it('sees a change made by another process at once, and folds again only when the stream moved', async () => {
    const here = new Accounts(store);
    const elsewhere = new Accounts(store); // another process writing the same journal
    const { id } = await here.create({ username: 'agent.dupont', role: 'agent', password: 'Une phrase de passe solide 42' }, ADMIN);
    const reads = jest.spyOn(store, 'readStream');

    const first = await here.findById(id);
    const second = await here.findById(id);
    expect(second).toEqual(first);
    expect(first?.view.disabled).toBe(false);
    expect(reads).not.toHaveBeenCalled(); // folded once, when it was created

    await elsewhere.change(id, { type: 'DisableAccount', data: { reason: 'départ' } }, ADMIN);
    reads.mockClear();
    expect((await here.findById(id))?.view.disabled).toBe(true);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('hands out copies: a caller changing what it got changes nothing for the next one', async () => {
    const accounts = new Accounts(store);
    const { id } = await accounts.create({ username: 'agent.martin', role: 'agent', password: 'Une phrase de passe solide 42' }, ADMIN);
    const found = (await accounts.findById(id))!;
    found.view.role = 'admin';
    found.state.disabled = true;
    const again = (await accounts.findById(id))!;
    expect(again.view.role).toBe('agent');
    expect(again.state.disabled).toBe(false);
  });

  it('answers null for an account that does not exist', async () => {
    expect(await new Accounts(store).findById('00000000-0000-4000-8000-000000000099')).toBeNull();
  });
});
