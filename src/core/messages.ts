// All wording of findings in one place, so that every renderer says the same thing.
import type { GateFailure } from './report.js';

type FailureFacts = Omit<GateFailure, 'message'>;

export function gateMessage(f: FailureFacts): string {
  const behind = f.questions.length > 0 ? ` (${f.questions.slice(0, 5).join(', ')}${f.questions.length > 5 ? ', …' : ''})` : '';
  switch (f.term) {
    case 'minScore':
      return `overall score ${f.value} is below the minimum ${f.threshold}; largest gaps${behind}`;
    case 'minArea':
      return `area "${f.area}" scores ${f.value}, below the minimum ${f.threshold}; largest gaps${behind}`;
    case 'maxBlockers':
      return `${f.value} blocker${f.value === 1 ? '' : 's'}, more than the ${f.threshold} allowed${behind}`;
    case 'maxUnanswered':
      return `${f.value} question${f.value === 1 ? '' : 's'} unanswered, more than the ${f.threshold} allowed${behind}`;
    case 'maxAgeDays':
      return `answers up to ${f.value} days old, older than the ${f.threshold} days allowed${behind}`;
  }
}
