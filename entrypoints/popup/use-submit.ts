import { useEffect, useState } from 'preact/hooks';
import { useAction } from '@/hooks/use-action';
import { submitAudit, type SubmitOptions, type SubmitRefused } from '@/lib/audit';
import { getDb } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging';

/** What {@link useSubmit} gives: the last refusal, and the one way to hand the audit in. */
export type Submitter = ReturnType<typeof useSubmit>;

/**
 * The popup's hand-in of the running audit (lib/audit/submit.ts), shared by Submit for review
 * and End audit so both run the same checks and show the same list of what to fix.
 */
export function useSubmit(auditId: string | undefined) {
  const [refused, setRefused] = useState<SubmitRefused>();
  const { busy, failure, run } = useAction();
  // Another audit, another hand-in: the last one's problems are not its own.
  useEffect(() => setRefused(undefined), [auditId]);
  const submit = (reason: string, options?: SubmitOptions) =>
    run(async () => {
      if (!auditId) return;
      const done = await submitAudit(getDb(), auditId, new Date(), reason, options);
      setRefused(done.ok ? undefined : done.error);
      // A handed-in audit no longer runs: pages opened from now on get no tagger.
      if (done.ok) await sendToBackground('auditChanged', {});
    });
  return { refused, busy, failure, submit };
}
