import { REQUEST_KINDS } from '../case/case.events';
import { RULE_IDS, RULE_SET_FR_2026, SLA_RULE_METRICS, deadlineRule, requestRuleId, slaRuleId } from './rule-set';

describe('rule set fr-2026', () => {
  it('given DEADLINES.md, then every rule id of its table is there, once', () => {
    expect(RULE_SET_FR_2026.id).toBe('fr-2026');
    expect([...RULE_IDS].sort()).toEqual(
      [
        'silence-agent-request',
        'appeal-after-rejection',
        'cada-document-request',
        'cada-referral',
        'gdpr-rights-request',
        'gdpr-breach-notification',
        'provider-sla-resolution_blocking',
        'provider-sla-resolution_non_blocking',
        'provider-sla-service_restoration',
        'provider-sla-data_restoration',
        'provider-sla-max_data_loss',
        'provider-prior-notice',
      ].sort(),
    );
  });

  it('given every rule, then it states what it applies to, its trigger, period, consequence (fr and en) and source', () => {
    for (const rule of RULE_SET_FR_2026.rules) {
      for (const text of [rule.appliesTo, rule.trigger, rule.period, rule.consequence, ...rule.notes]) {
        expect(text.fr).toMatch(/\S/);
        expect(text.en).toMatch(/\S/);
      }
      expect(rule.source).toMatch(/\S/);
      expect(rule.scope.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['silence-agent-request', 'CRPA L231-4', { kind: 'months_same_date', months: 2, oneDayAmbiguity: true }],
    ['appeal-after-rejection', 'CJA R421-1, R421-2', { kind: 'delai_franc', months: 2 }],
    ['cada-document-request', 'CRPA R311-12, R311-13', { kind: 'months_same_date', months: 1, oneDayAmbiguity: true }],
    ['cada-referral', 'CRPA R343-1, L342-1', { kind: 'months_same_date_extended', months: 2 }],
    ['gdpr-rights-request', 'RGPD art. 12(3) ; Règlement 1182/71 art. 3(4)', { kind: 'months_same_date_extended', months: 1 }],
    ['gdpr-breach-notification', 'RGPD art. 33', { kind: 'clock_hours', hours: 72 }],
    ['provider-sla-service_restoration', "La clause du contrat citée dans l'engagement (SlaCommitmentDefined.source)", { kind: 'contract_calendar' }],
    ['provider-prior-notice', expect.stringContaining('ANSSI'), { kind: 'none' }],
  ] as const)('given rule %s, then its source and computation are those of DEADLINES.md', (id, source, computation) => {
    expect(deadlineRule(id)).toMatchObject({ id, source, computation });
  });

  it('given each request kind, then the rule that gives it a deadline', () => {
    expect(Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, requestRuleId(kind)]))).toEqual({
      question_to_hierarchy: 'silence-agent-request',
      grievance: 'silence-agent-request',
      document_request: 'cada-document-request',
      gdpr_rights_request: 'gdpr-rights-request',
      provider_ticket: null,
      other: null,
    });
  });

  it('given each contract metric, then its rule id exists in the set', () => {
    for (const metric of SLA_RULE_METRICS) expect(RULE_IDS).toContain(slaRuleId(metric));
    expect(slaRuleId('prior_notice')).toBe('provider-prior-notice');
    expect(slaRuleId('service_restoration')).toBe('provider-sla-service_restoration');
  });

  it('given an unknown id, then it is refused', () => {
    expect(() => deadlineRule('nope' as never)).toThrow();
  });
});
