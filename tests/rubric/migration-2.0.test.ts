// readiness.yaml files answered against the built-in rubric 2.0.0 (the three examples as they
// shipped with 2.0.0, kept in fixtures/v2) load against the current version (2.4.0): every answer is kept, except those
// naming an option whose meaning changed after either blind review (they are asked again), and
// `--only-unanswered` asks only those and the questions 2.1.0 and 2.2.0 added.
import { join } from 'node:path';
import { describeMigration } from './migration-cases.js';

const V2 = join(import.meta.dirname, 'fixtures/v2');
// 2.0.0 options that 2.1.0 replaced with options of a new meaning
const RE_ASKED: Record<string, { from: string; why: string }> = {
  'forecast-pilot/ai-act-classification': { from: 'assumed-minimal', why: 'merged into not-assessed: an assumption nobody responsible confirmed earns nothing' },
  'notebook-pilot/data-approvals': { from: 'pilot-only', why: 'now earlier-use-only: an approval of exactly this one-off analysis is the full answer' },
  'notebook-pilot/model-selection': { from: 'baseline-only', why: 'now one-of-two: tuned without a baseline counts the same' },
  'production-service/operator': { from: 'operations-team', why: 'now on-call-team: the building team may run it, with a rota of two' },
  'production-service/incident-management': { from: 'practised', why: 'now rehearsed: includes the breach and serious-incident decision' },
  'production-service/consumer-contract': { from: 'tested', why: 'now reported: contract tests belong to the interface' },
  'production-service/service-monitoring': { from: 'slo', why: 'now slo-error-budget: alerts on burn rate and an error-budget policy' },
  // in 2.2.0 (see migration-2.1.test.ts)
  'production-service/data-ownership': { from: 'contracted', why: 'now contracted-notified: subscribed to upstream change notices' },
  'production-service/human-oversight': { from: 'designed', why: 'now designed-informed: the people affected are told (AI Act Art. 26(11))' },
  'production-service/model-governance': { from: 'governed', why: 'now governed-validated: model inventory and independent validation' },
  'production-service/model-lineage': { from: 'full', why: 'now full-retained: logged inputs under a retention period' },
};
const ADDED = ['genai-monitoring', 'third-country-transfers', 'data-subject-rights', 'product-owner', 'ml-security', 'decision-impact', 'output-freshness', 'prediction-parity', 'offline-online-agreement', 'feature-velocity'];

describeMigration({ from: '2.0.0', current: '2.4.0', dir: V2, reAsked: RE_ASKED, added: ADDED });
