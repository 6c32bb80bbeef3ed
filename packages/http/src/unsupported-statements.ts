import { NotSupportedError } from '@s2/core-cursor';

interface Rule {
  readonly pattern: RegExp;
  readonly reason: string;
}

const NO_SESSIONS = 'the Data API keeps no session between requests';

/*
 * Matched against the start of the statement (after comments), so that text inside literals
 * later in a statement never triggers them.
 */
const RULES: readonly Rule[] = [
  {
    pattern: /^LOAD\s+DATA\s+(?:LOW_PRIORITY\s+|CONCURRENT\s+)?LOCAL\b/i,
    reason:
      'LOAD DATA LOCAL INFILE is not supported over HTTP: the Data API cannot read client files',
  },
  {
    pattern: /^(?:BEGIN|START\s+TRANSACTION|SAVEPOINT|RELEASE\s+SAVEPOINT|ROLLBACK\s+TO|XA)\b/i,
    reason: `Transactions are not supported over HTTP: ${NO_SESSIONS}, so one cannot span statements`,
  },
  {
    pattern: /^(?:USE|LOCK\s+TABLES?|CREATE\s+TEMPORARY)\b/i,
    reason: `Session state is not supported over HTTP: ${NO_SESSIONS}; pass the database option instead of USE`,
  },
  {
    pattern: /^SET\b(?!\s+(?:GLOBAL|PERSIST|PERSIST_ONLY|CLUSTER\s+GLOBAL|@@GLOBAL\.)\b)/i,
    reason: `Session variables are not supported over HTTP: ${NO_SESSIONS}, so the value would be lost`,
  },
];

function withoutLeadingComments(sql: string): string {
  let text = sql.trimStart();
  for (;;) {
    if (text.startsWith('/*')) {
      const end = text.indexOf('*/');
      text = end < 0 ? '' : text.slice(end + 2).trimStart();
    } else if (text.startsWith('#') || text.startsWith('-- ')) {
      const end = text.indexOf('\n');
      text = end < 0 ? '' : text.slice(end + 1).trimStart();
    } else {
      return text;
    }
  }
}

/**
 * Throws NotSupportedError, before anything is sent, for statements that need what the Data API
 * lacks: LOCAL INFILE, transactions and session state (USE, SET of session variables,
 * temporary tables, table locks). SET GLOBAL and other statements pass.
 */
export function assertSupportedOverHttp(sql: string): void {
  const text = withoutLeadingComments(sql);
  for (const rule of RULES) {
    if (rule.pattern.test(text)) throw new NotSupportedError(rule.reason);
  }
}
