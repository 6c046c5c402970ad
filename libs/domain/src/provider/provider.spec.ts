import { DomainError } from '../errors';
import {
  ProviderCommand,
  ProviderEvent,
  RecordedProviderEvent,
  SlaCommitmentDefinedData,
  businessHoursApplying,
  commitmentApplying,
  commitmentWindow,
  commitmentsOf,
  decideProvider,
  foldProvider,
  providerBusinessCalendar,
  providerStream,
} from './provider';
import { businessMinutesBetween } from '../deadlines/business-calendar';

const admin = { id: 'adm', username: 'admin', role: 'admin' as const };
const RECORDED_AT = '2019-11-20T10:00:00.000+01:00';

function recorded(events: ProviderEvent[], recordedAt = RECORDED_AT): RecordedProviderEvent[] {
  return events.map((e) => ({ ...e, metadata: { actor: admin, recordedAt } }));
}

function given(...events: ProviderEvent[]) {
  const state = foldProvider(recorded(events));
  return {
    when(command: ProviderCommand) {
      const run = () => decideProvider(command, state);
      return {
        then: (expected: ProviderEvent[]) => expect(run()).toEqual(expected),
        thenFails(code: DomainError['code'], field: string) {
          try {
            run();
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect((e as DomainError).code).toBe(code);
            expect((e as DomainError).problems.map((p) => p.field)).toContain(field);
            expect((e as DomainError).problems[0].fr).toMatch(/\S/);
            expect((e as DomainError).problems[0].en).toMatch(/\S/);
            return;
          }
          throw new Error('expected the command to be refused');
        },
      };
    },
  };
}

const registered: ProviderEvent = {
  type: 'ProviderRegistered',
  data: {
    name: 'Bordeaux Métropole — service commun DGNSI',
    contractReference: "Contrat d'engagement du 15 février 2016, avenant n°2 (RGPD)",
    services: ['Assistance utilisateurs', 'Hébergement et MCO', 'Messagerie'],
    contact: 'Centre de services de la DGNSI',
  },
};

/** The seed contract's annex 4 (indicators 3.3.2, 4.1.2, 4.2.1, 4.2.2). */
const SEED: SlaCommitmentDefinedData[] = [
  { metric: 'resolution_blocking', target: 4 * 60, calendar: 'business_hours', source: "Contrat d'engagement, annexe 4, indicateur 3.3.2" },
  { metric: 'resolution_non_blocking', target: 2 * 24 * 60, calendar: 'business_hours', source: "Contrat d'engagement, annexe 4, indicateur 3.3.2" },
  { metric: 'service_restoration', target: 24 * 60, calendar: '24x7', source: "Contrat d'engagement, annexe 4, indicateur 4.1.2" },
  { metric: 'data_restoration', target: 12 * 60, calendar: '24x7', source: "Contrat d'engagement, annexe 4, indicateur 4.2.1" },
  { metric: 'max_data_loss', target: 24 * 60, calendar: '24x7', source: "Contrat d'engagement, annexe 4, indicateur 4.2.2" },
];
const defined = (d: SlaCommitmentDefinedData): ProviderEvent => ({ type: 'SlaCommitmentDefined', data: d });
const define = (d: Partial<SlaCommitmentDefinedData> & Record<string, unknown>): ProviderCommand => ({
  type: 'DefineSlaCommitment',
  data: { ...SEED[2], ...d } as SlaCommitmentDefinedData,
});

describe('Provider decider', () => {
  it('names provider streams provider-<id>', () => {
    expect(providerStream('3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13')).toBe('provider-3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13');
  });

  it('registers a provider once', () => {
    given()
      .when({ type: 'RegisterProvider', data: registered.data as never })
      .then([registered]);
    given(registered)
      .when({ type: 'RegisterProvider', data: registered.data as never })
      .thenFails('STATE_CONFLICT', 'providerId');
  });

  it('registers a provider with its name only', () => {
    given()
      .when({ type: 'RegisterProvider', data: { name: 'Infogérance' } })
      .then([{ type: 'ProviderRegistered', data: { name: 'Infogérance' } }]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no name', { name: undefined }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
    ['a contract reference that is not a text', { contractReference: 42 }, 'contractReference'],
    ['services that are not a list', { services: 'Messagerie' }, 'services'],
    ['a blank service', { services: ['Messagerie', ''] }, 'services[1]'],
  ])('refuses to register a provider with %s', (_case, change, field) => {
    given()
      .when({ type: 'RegisterProvider', data: { ...registered.data, ...change } as never })
      .thenFails('INVALID_INPUT', field);
  });

  it('refuses commitments for a provider that does not exist', () => {
    given().when(define({})).thenFails('NOT_FOUND', 'providerId');
    given()
      .when({ type: 'WithdrawSlaCommitment', data: { metric: 'service_restoration', reason: 'x' } })
      .thenFails('NOT_FOUND', 'providerId');
  });

  it("defines the seed contract's five commitments, each with its clause", () => {
    for (const commitment of SEED) {
      given(registered)
        .when({ type: 'DefineSlaCommitment', data: commitment })
        .then([defined(commitment)]);
    }
    const state = foldProvider(recorded([registered, ...SEED.map(defined)]));
    expect(commitmentsOf(state).map((c) => [c.metric, c.target, c.calendar])).toEqual([
      ['resolution_blocking', 240, 'business_hours'],
      ['resolution_non_blocking', 2880, 'business_hours'],
      ['service_restoration', 1440, '24x7'],
      ['data_restoration', 720, '24x7'],
      ['max_data_loss', 1440, '24x7'],
    ]);
    expect(state.commitments.service_restoration).toEqual({
      ...SEED[2],
      definedAt: RECORDED_AT,
      definedBy: { id: 'adm', username: 'admin' },
    });
  });

  it('accepts a prior notice of 0 minutes (none required), and no other zero target', () => {
    given(registered)
      .when(define({ metric: 'prior_notice', target: 0 }))
      .then([defined({ ...SEED[2], metric: 'prior_notice', target: 0 })]);
    given(registered)
      .when(define({ metric: 'resolution_blocking', target: 0 }))
      .thenFails('INVALID_INPUT', 'target');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown metric', { metric: 'uptime' }, 'metric'],
    ['a float target', { target: 90.5 }, 'target'],
    ['a negative target', { target: -1 }, 'target'],
    ['a target given as a string', { target: '1440' }, 'target'],
    ['a target beyond ten years', { target: 10 * 366 * 24 * 60 + 1 }, 'target'],
    ['an unknown calendar', { calendar: 'weekdays' }, 'calendar'],
    ['no calendar', { calendar: undefined }, 'calendar'],
    ['no source', { source: undefined }, 'source'],
    ['a blank source', { source: ' ' }, 'source'],
  ])('refuses a commitment with %s', (_case, change, field) => {
    given(registered).when(define(change)).thenFails('INVALID_INPUT', field);
  });

  it('replaces the commitment of a metric when it is defined again; the history stays in the events', () => {
    const first = defined(SEED[2]);
    const second = defined({ ...SEED[2], target: 8 * 60, source: 'Avenant n°3, article 2' });
    const state = foldProvider([...recorded([registered, first]), ...recorded([second], '2020-01-06T09:00:00.000+01:00')]);
    expect(commitmentsOf(state)).toEqual([
      { ...SEED[2], target: 480, source: 'Avenant n°3, article 2', definedAt: '2020-01-06T09:00:00.000+01:00', definedBy: { id: 'adm', username: 'admin' } },
    ]);
  });

  it('withdraws a commitment in force, with a reason', () => {
    const withdraw: ProviderCommand = { type: 'WithdrawSlaCommitment', data: { metric: 'data_restoration', reason: 'Clause supprimée par l’avenant n°3.' } };
    given(registered, defined(SEED[3]))
      .when(withdraw)
      .then([{ type: 'SlaCommitmentWithdrawn', data: withdraw.data as never }]);
    const state = foldProvider(recorded([registered, defined(SEED[3]), { type: 'SlaCommitmentWithdrawn', data: withdraw.data as never }]));
    expect(commitmentsOf(state)).toEqual([]);
    given(registered, defined(SEED[3]), { type: 'SlaCommitmentWithdrawn', data: withdraw.data as never })
      .when(withdraw)
      .thenFails('NOT_FOUND', 'metric');
  });

  describe('the commitment that applied at a date (audit F4)', () => {
    const restoration = (target: number, source: string): ProviderEvent => ({
      type: 'SlaCommitmentDefined',
      data: { metric: 'service_restoration', target, calendar: '24x7', source },
    });
    // 1 Sep 2026: one day; 20 Oct: the amendment, three days; 1 Nov: withdrawn.
    const state = foldProvider([
      ...recorded([registered, restoration(1440, 'remise en service 1 journée')], '2026-09-01T10:00:00.000Z'),
      ...recorded([restoration(4320, 'avenant : 3 jours')], '2026-10-20T10:00:00.000Z'),
      ...recorded([{ type: 'SlaCommitmentWithdrawn', data: { metric: 'service_restoration', reason: 'Avenant n°4' } }], '2026-11-01T10:00:00.000Z'),
    ]);
    const applying = (at: string, asOf: string) => commitmentApplying(state.commitmentHistory, 'service_restoration', at, asOf)?.source ?? null;

    it('then the state keeps every commitment with when it was defined and when it ended', () => {
      expect(state.commitmentHistory.map((c) => [c.target, c.definedAt, c.endedAt])).toEqual([
        [1440, '2026-09-01T10:00:00.000Z', '2026-10-20T10:00:00.000Z'],
        [4320, '2026-10-20T10:00:00.000Z', '2026-11-01T10:00:00.000Z'],
      ]);
      expect(commitmentsOf(state)).toEqual([]);
    });

    it('when a fact happened while a commitment was in force, then that one applies, whatever came later', () => {
      expect(applying('2026-09-10T08:00:00+02:00', '2026-11-23T09:00:00.000Z')).toBe('remise en service 1 journée');
      expect(applying('2026-10-25T08:00:00+01:00', '2026-11-23T09:00:00.000Z')).toBe('avenant : 3 jours');
    });

    it('when the fact came before any commitment was recorded, then the earliest known applies', () => {
      expect(applying('2026-08-31T08:00:00+02:00', '2026-11-23T09:00:00.000Z')).toBe('remise en service 1 journée');
    });

    it('when asked as of a date, then what was recorded later is unknown: neither the amendment nor the withdrawal', () => {
      expect(applying('2026-08-31T08:00:00+02:00', '2026-09-15T00:00:00.000Z')).toBe('remise en service 1 journée');
      expect(applying('2026-10-25T08:00:00+01:00', '2026-10-30T00:00:00.000Z')).toBe('avenant : 3 jours');
      expect(applying('2026-08-31T08:00:00+02:00', '2026-08-31T12:00:00.000Z')).toBeNull();
    });

    it('when the fact came after the withdrawal, then no commitment applies', () => {
      expect(applying('2026-11-10T08:00:00+01:00', '2026-11-23T09:00:00.000Z')).toBeNull();
    });

    it('then each commitment says which facts it applies to, as the journal held it then', () => {
      const [first, amendment] = state.commitmentHistory;
      const window = (c: typeof first, asOf: string) => commitmentWindow(state.commitmentHistory, c!, asOf);
      expect(window(first, '2026-11-23T09:00:00.000Z')).toEqual({ from: null, until: '2026-10-20T10:00:00.000Z' });
      expect(window(amendment, '2026-11-23T09:00:00.000Z')).toEqual({ from: '2026-10-20T10:00:00.000Z', until: '2026-11-01T10:00:00.000Z' });
      expect(window(first, '2026-09-15T00:00:00.000Z')).toEqual({ from: null, until: null });
    });
  });

  describe('the support hours that applied at a date', () => {
    const hours = (from: string, to: string, source: string): ProviderEvent => ({
      type: 'BusinessHoursDefined',
      data: { weekly: { '1': [{ from, to }] }, source },
    });
    // 1 Sep 2026: 08:00-18:00; 20 Oct: redefined to 09:00-17:00.
    const state = foldProvider([
      ...recorded([registered, hours('08:00', '18:00', 'Contrat, annexe 2')], '2026-09-01T10:00:00.000Z'),
      ...recorded([hours('09:00', '17:00', 'Avenant, annexe 2')], '2026-10-20T10:00:00.000Z'),
    ]);
    const applying = (at: string, asOf: string) => businessHoursApplying(state.businessHoursHistory, at, asOf)?.source ?? null;

    it('then the state keeps every definition with when the next one ended it, and the current one', () => {
      expect(state.businessHoursHistory.map((h) => [h.source, h.definedAt, h.endedAt])).toEqual([
        ['Contrat, annexe 2', '2026-09-01T10:00:00.000Z', '2026-10-20T10:00:00.000Z'],
        ['Avenant, annexe 2', '2026-10-20T10:00:00.000Z', undefined],
      ]);
      expect(state.businessHours?.source).toBe('Avenant, annexe 2');
    });

    it('when a fact began before the redefinition, then the hours of its time apply, today and as of any date', () => {
      expect(applying('2026-09-14T08:00:00+02:00', '2026-11-23T09:00:00.000Z')).toBe('Contrat, annexe 2');
      expect(applying('2026-09-14T08:00:00+02:00', '2026-09-15T00:00:00.000Z')).toBe('Contrat, annexe 2');
      expect(applying('2026-11-02T08:00:00+01:00', '2026-11-23T09:00:00.000Z')).toBe('Avenant, annexe 2');
    });

    it('when the fact came before any hours were recorded, then the earliest known apply, and none as of before they were', () => {
      expect(applying('2026-08-31T08:00:00+02:00', '2026-11-23T09:00:00.000Z')).toBe('Contrat, annexe 2');
      expect(applying('2026-08-31T08:00:00+02:00', '2026-08-31T12:00:00.000Z')).toBeNull();
    });
  });

  it('refuses to withdraw a metric not in force, an unknown metric, or without a reason', () => {
    given(registered)
      .when({ type: 'WithdrawSlaCommitment', data: { metric: 'max_data_loss', reason: 'x' } })
      .thenFails('NOT_FOUND', 'metric');
    given(registered, defined(SEED[4]))
      .when({ type: 'WithdrawSlaCommitment', data: { metric: 'uptime' as never, reason: 'x' } })
      .thenFails('INVALID_INPUT', 'metric');
    given(registered, defined(SEED[4]))
      .when({ type: 'WithdrawSlaCommitment', data: { metric: 'max_data_loss', reason: '' } })
      .thenFails('INVALID_INPUT', 'reason');
  });

  describe('business hours', () => {
    const hours = {
      weekly: {
        '1': [
          { from: '08:00', to: '12:00' },
          { from: '13:30', to: '18:00' },
        ],
        '5': [{ from: '08:00', to: '16:00' }],
      },
      closures: [{ from: '2019-12-24', to: '2020-01-01' }],
      source: 'Contrat, indicateur 3.2.1',
    };
    const defineHours = (data: Record<string, unknown>): ProviderCommand => ({ type: 'DefineBusinessHours', data: { ...hours, ...data } as never });

    it('records the contract’s support hours, and the state keeps them', () => {
      given(registered)
        .when(defineHours({}))
        .then([{ type: 'BusinessHoursDefined', data: hours }]);
      const state = foldProvider(recorded([registered, { type: 'BusinessHoursDefined', data: hours }]));
      expect(state.businessHours).toEqual({ ...hours, definedAt: RECORDED_AT });
    });

    it('refuses hours that overlap, a weekday outside 1-7, a malformed closure, and a provider that does not exist', () => {
      given(registered)
        .when(
          defineHours({
            weekly: {
              '1': [
                { from: '08:00', to: '12:00' },
                { from: '11:00', to: '13:00' },
              ],
            },
          }),
        )
        .thenFails('INVALID_INPUT', 'weekly.1');
      given(registered)
        .when(defineHours({ weekly: { '8': [] } }))
        .thenFails('INVALID_INPUT', 'weekly.8');
      given(registered)
        .when(defineHours({ closures: [{ from: '2020-01-01', to: 'bientôt' }] }))
        .thenFails('INVALID_INPUT', 'closures[0]');
      given(registered)
        .when(defineHours({ closures: [{ from: '2020-01-02', to: '2020-01-01' }] }))
        .thenFails('INVALID_INPUT', 'closures');
      given().when(defineHours({})).thenFails('NOT_FOUND', 'providerId');
    });

    it('makes a calendar that closes on its closures and on Alsace-Moselle’s holidays when asked', () => {
      const calendar = providerBusinessCalendar(hours, true)!;
      // Friday 27 December 2019: inside the closure.
      expect(businessMinutesBetween('2019-12-27T07:00:00+01:00', '2019-12-27T20:00:00+01:00', calendar)).toBe(0);
      // Friday 10 April 2020, Good Friday: closed in Alsace-Moselle only.
      expect(businessMinutesBetween('2020-04-10T07:00:00+02:00', '2020-04-10T20:00:00+02:00', calendar)).toBe(0);
      expect(businessMinutesBetween('2020-04-10T07:00:00+02:00', '2020-04-10T20:00:00+02:00', providerBusinessCalendar(hours, false)!)).toBe(8 * 60);
      expect(providerBusinessCalendar(null, false)).toBeNull();
    });

    it('gives the same calendar object for the same definition, so that the days it has computed serve the next request', () => {
      const copy = JSON.parse(JSON.stringify(hours)) as typeof hours;
      expect(providerBusinessCalendar(copy, true)).toBe(providerBusinessCalendar(hours, true));
      expect(providerBusinessCalendar(hours, false)).not.toBe(providerBusinessCalendar(hours, true));
      expect(providerBusinessCalendar({ ...hours, closures: [] }, true)).not.toBe(providerBusinessCalendar(hours, true));
      expect(() => providerBusinessCalendar({ ...hours, weekly: { 8: [] } } as never, true)).toThrow();
    });
  });
});
