/**
 * The server's own check of every write (docs/SYNC.md#roles), installed in the team's
 * database by `npm run sync:setup`. CouchDB runs it in its JavaScript engine, which may be an
 * old one: it is written in ES5 and kept as a string so the bundler never rewrites it.
 *
 * - `lead` (and server admins) write everything.
 * - `shopper` writes only audits, touchpoints and evidence whose `owner` is their user name,
 *   never takes over another's document, never returns, approves or reopens an audit (review
 *   decisions are the lead's), never adds or changes a review comment, and never writes
 *   studies, brands, rubrics or categories.
 * - Anyone else writes nothing.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  function has(role) { return roles.indexOf(role) !== -1; }
  function refuse(reason) { throw ({ forbidden: reason }); }
  if (has('_admin') || has('lead')) return;
  if (!has('shopper')) refuse('Only a shopper or a lead of this team may write here.');
  var id = String(newDoc._id);
  var kind = id.indexOf(':') > 0 ? id.slice(0, id.indexOf(':')) : id;
  if (kind !== 'audit' && kind !== 'touchpoint' && kind !== 'evidence') {
    refuse('A shopper may not change a ' + kind + '; only a lead may.');
  }
  if (oldDoc && oldDoc.owner !== userCtx.name) {
    refuse('This ' + kind + ' belongs to ' + oldDoc.owner + ', not to ' + userCtx.name + '.');
  }
  if (newDoc._deleted) return;
  if (newDoc.owner !== userCtx.name) {
    refuse('A shopper writes only their own audits: this ' + kind + ' is ' + newDoc.owner + "'s.");
  }
  if (kind === 'audit') {
    var was = oldDoc ? oldDoc.review : 'in_progress';
    if (newDoc.review !== was && (newDoc.review === 'returned' || newDoc.review === 'approved' || was === 'approved')) {
      refuse('Only a lead may return, approve or reopen an audit.');
    }
    if (was === newDoc.review && (was === 'returned' || was === 'approved') && oldDoc &&
        (newDoc.reviewedBy !== oldDoc.reviewedBy || newDoc.reviewedAt !== oldDoc.reviewedAt)) {
      refuse('Only a lead may change a review decision.');
    }
  }
  if (kind === 'touchpoint') {
    var before = {};
    var old = (oldDoc && oldDoc.comments) || [];
    for (var i = 0; i < old.length; i++) before[old[i].id] = old[i].text;
    var now = newDoc.comments || [];
    for (var j = 0; j < now.length; j++) {
      if (before[now[j].id] !== now[j].text) refuse('Only a lead may comment on a touchpoint.');
    }
  }
}`;

/** The design document's id in the team's database. */
export const DESIGN_DOC_ID = '_design/touchpoint-auditor';

/** The design document `npm run sync:setup` installs. */
export function designDoc(): { _id: string; language: string; validate_doc_update: string } {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: VALIDATE_DOC_UPDATE };
}

/** Who may read the team's database: its shoppers and leads (CouchDB's `_security`). */
export const SECURITY = {
  admins: { names: [] as string[], roles: [] as string[] },
  members: { names: [] as string[], roles: ['shopper', 'lead'] },
};
