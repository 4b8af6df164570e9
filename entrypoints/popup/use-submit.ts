import { useEffect, useRef, useState } from 'preact/hooks';
import { useAction } from '@/hooks/use-action';
import { useSerialWrites } from '@/hooks/use-serial-writes';
import { checkAudit, submitAudit, type SubmitOptions, type SubmitRefused } from '@/lib/audit';
import { getDb, getSetting, setSetting, type SubmitDraft } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging';
import { caught, type Problem } from '@/lib/result';

/** What {@link useSubmit} gives: the last refusal, and the one way to hand the audit in. */
export type Submitter = ReturnType<typeof useSubmit>;

/** Whether a problem is one of the checks' (each names its touchpoint), not another refusal. */
export const isCheckProblem = (p: Problem) => p.code.startsWith('review.') && !!p.path;

/** Whether a refusal is the checks' list of what to fix. */
export const isChecksRefusal = (refused: SubmitRefused) => refused.problems.some(isCheckProblem);

/**
 * The popup's hand-in of the running audit (lib/audit/submit.ts), shared by Submit for review
 * and End audit so both run the same checks and show the same list of what to fix. A refused
 * hand-in is kept (`submitDraft`) with the reason typed for it: when the popup opens again the
 * checks run again (they do not submit) and the list and the reason come back, until the
 * hand-in goes through or nothing is left to fix.
 */
export function useSubmit(auditId: string | undefined) {
  const [refused, setRefused] = useState<SubmitRefused>();
  const [reason, setReason] = useState('');
  const typed = useRef('');
  const { busy, failure, setFailure, run } = useAction();
  const writes = useSerialWrites(setFailure);
  const keep = (draft: SubmitDraft | null) =>
    writes(() => setSetting(getDb(), 'submitDraft', draft));

  // Another audit, another hand-in: the last one's problems are not its own. A hand-in asked
  // for while the kept one is being checked is newer: the check's answer is dropped.
  const asked = useRef(0);
  useEffect(() => {
    setRefused(undefined);
    setReason((typed.current = ''));
    if (!auditId) return;
    const at = asked.current;
    const stale = () => asked.current !== at;
    (async () => {
      const kept = await getSetting(getDb(), 'submitDraft');
      if (kept?.auditId !== auditId) return;
      const checked = await checkAudit(getDb(), auditId);
      if (stale()) return;
      if (checked.ok && checked.value.problems.length > 0) {
        setRefused(checked.value);
        setReason((typed.current = kept.reason));
      } else await keep(null); // fixed meanwhile: nothing to come back to
    })().catch((error: unknown) => setFailure(caught(error)));
    return () => {
      asked.current += 1;
    };
  }, [auditId]);

  /** The reason for "Submit anyway" as the shopper types it, kept at every change. */
  const changeReason = (text: string) => {
    setReason((typed.current = text));
    if (auditId) void keep({ auditId, reason: text });
  };

  const submit = (given: string, options?: SubmitOptions) =>
    run(async () => {
      if (!auditId) return;
      asked.current += 1;
      const done = await submitAudit(getDb(), auditId, new Date(), given, options);
      setRefused(done.ok ? undefined : done.error);
      if (!done.ok && isChecksRefusal(done.error)) void keep({ auditId, reason: typed.current });
      if (!done.ok) return;
      await keep(null);
      // A handed-in audit no longer runs: pages opened from now on get no tagger.
      await sendToBackground('auditChanged', {});
    });
  return { refused, busy, failure, submit, reason, changeReason };
}
