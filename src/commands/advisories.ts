import type { Io } from '../util/io.js';
import { ADVISORIES, BAD_PAIRS } from '../knowledge/advisories.js';

/** `ccenv advisories [--json]`: the advisory and bad-pair data doctor checks installs against. */
export function advisoriesCommand(a: { json?: boolean }, io: Io): number {
  if (a.json) {
    io.out(`${JSON.stringify({ schemaVersion: 1, advisories: ADVISORIES, badPairs: BAD_PAIRS }, null, 2)}\n`);
    return 0;
  }
  for (const x of ADVISORIES) {
    io.out(`${x.id}  ${x.package} ${x.affected}  ${x.severity}${x.kind === 'vulnerability' ? '' : ` (${x.kind})`}\n    ${x.summary}\n    Fix: ${x.fix}${x.fixed ? ` (fixed in ${x.fixed})` : ''}\n    Source: ${x.source}\n`);
  }
  for (const p of BAD_PAIRS) io.out(`${p.id}  litellm ${p.litellm} + openai ${p.openai}\n    ${p.summary}\n    Fix: ${p.fix}\n    Source: ${p.source}\n`);
  return 0;
}
