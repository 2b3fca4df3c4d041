// The one source of truth for tables. After changing this file run `npm run db:generate`
// and commit the new migration under db/migrations/.
//
// Times are stored as integer milliseconds since the epoch (UTC).
import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/** The languages of the site's pages (server/i18n: English at /, Welsh under /cy). */
export const PAGE_LANGS = ['en', 'cy'] as const;

/** UK local authority districts, seeded from db/areas.csv. */
export const areas = sqliteTable(
  'areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    onsCode: text('ons_code').notNull().unique(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    nation: text('nation').notNull(),
    region: text('region').notNull(),
    authority: text('authority').notNull(),
  },
  (t) => [index('areas_nation_region_idx').on(t.nation, t.region, t.name), index('areas_authority_idx').on(t.authority)],
);

/** Other names families use for an area ("Hull", "St Helens", "Bristol"), normalised. */
export const areaVariants = sqliteTable(
  'area_variants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    /** lower-case, accents folded, punctuation removed, "&" as "and" */
    normalized: text('normalized').notNull().unique(),
  },
  (t) => [index('area_variants_area_idx').on(t.areaId)],
);

export const WORKER_STATUSES = ['published', 'hidden'] as const;
/** How a worker who confirmed their profile chose to be shown (server/workers/visibility.ts applies it). */
export const WORKER_DISPLAYS = ['full', 'first_name', 'private'] as const;

/** A published profile. Created by a moderator approving a nomination. */
export const workers = sqliteTable(
  'workers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    team: text('team'),
    status: text('status', { enum: WORKER_STATUSES }).notNull().default('published'),
    /** 'first_name': `name` holds only the first name; 'private': not shown by name anywhere public, still counted */
    display: text('display', { enum: WORKER_DISPLAYS }).notNull().default('full'),
    /** the name as nominated while `name` is shortened to the first name; for moderators and the worker only */
    fullName: text('full_name'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('workers_area_status_idx').on(t.areaId, t.status),
    index('workers_status_idx').on(t.status, t.id),
    // slugs still to make ASCII at start-up (workers/slug.ts backfillAsciiSlugs): empty once done
    index('workers_non_ascii_slug_idx').on(t.id).where(sql`${t.slug} GLOB '*[^ -~]*'`),
  ],
);

/** Old slugs of corrected profiles, answered with a 301 to the current one. */
export const workerSlugRedirects = sqliteTable('worker_slug_redirects', {
  oldSlug: text('old_slug').primaryKey(),
  workerId: integer('worker_id')
    .notNull()
    .references(() => workers.id, { onDelete: 'cascade' }),
});

export const RELATIONSHIPS = ['parent', 'carer', 'young_person', 'relative', 'professional', 'other'] as const;
export const STILL_INVOLVED = ['yes', 'moved_on', 'case_closed', 'not_sure'] as const;
/** `sent_back`: a moderator asked the family to change their story; it waits for them, out of the queue. */
export const NOMINATION_STATUSES = ['pending', 'approved', 'rejected', 'sent_back'] as const;

/** What a family submitted. The story and email are private to moderators and deleted on a schedule. */
export const nominations = sqliteTable(
  'nominations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** the reference the family keeps (withdrawal); unguessable */
    ref: text('ref').notNull().unique(),
    /** idempotency key carried in the confirm form: a repeated confirm stores once */
    submissionKey: text('submission_key').notNull().unique(),
    status: text('status', { enum: NOMINATION_STATUSES }).notNull().default('pending'),
    workerName: text('worker_name').notNull(),
    /** the name folded for comparison (normalizePhrase: "Siân O'Neill" -> "sian oneill"), for finding duplicates; null until back-filled */
    workerNameKey: text('worker_name_key'),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    team: text('team'),
    relationship: text('relationship', { enum: RELATIONSHIPS }).notNull(),
    /** JSON array of quality keys */
    qualities: text('qualities').notNull().default('[]'),
    stillInvolved: text('still_involved', { enum: STILL_INVOLVED }).notNull(),
    /** the family's own words; null once deleted under the retention policy */
    story: text('story'),
    storyHash: text('story_hash').notNull(),
    contactEmail: text('contact_email'),
    /** the family asked for one mail when it is published (needs contactEmail; the address goes at the decision) */
    notifyPublished: integer('notify_published', { mode: 'boolean' }).notNull().default(false),
    /** JSON array of flags for the moderator: 'safeguarding', 'complaint', 'duplicate' */
    flags: text('flags').notNull().default('[]'),
    /** the privacy flags of the story as JSON with the detector version that found them ({ version, flags }); computed at submission, null or outdated until recomputed */
    privacyFlags: text('privacy_flags'),
    duplicateOf: integer('duplicate_of'),
    submittedAt: integer('submitted_at').notNull(),
    decidedAt: integer('decided_at'),
    decidedBy: integer('decided_by').references(() => moderators.id),
    workerId: integer('worker_id').references(() => workers.id),
    rejectReason: text('reject_reason'),
    rejectNote: text('reject_note'),
    storyDeletedAt: integer('story_deleted_at'),
    /** when a moderator first opened it for review: the family's status page then says "being checked" */
    openedAt: integer('opened_at'),
    /** the key of the reason it was last sent back for (server/families/reasons.ts), kept after the family edits it */
    sendBackReason: text('send_back_reason'),
    /** when the family last sent it again after editing the story */
    resubmittedAt: integer('resubmitted_at'),
    /** the nominator ticked "I am not the worker, a colleague, or acting for them"; null on rows from before the question */
    independent: integer('independent', { mode: 'boolean' }),
    /** the language of the page the family nominated from ('en' or 'cy'): their one mail is written in it */
    lang: text('lang', { enum: PAGE_LANGS }).notNull().default('en'),
  },
  (t) => [
    index('nominations_status_submitted_idx').on(t.status, t.submittedAt),
    index('nominations_worker_status_idx').on(t.workerId, t.status),
    index('nominations_area_status_submitted_idx').on(t.areaId, t.status, t.submittedAt),
    index('nominations_story_hash_idx').on(t.storyHash),
    index('nominations_area_name_key_idx').on(t.areaId, t.workerNameKey),
    // rows still to fold at start-up: empty once done, so the start-up check reads nothing
    index('nominations_unfolded_idx').on(t.id).where(sql`${t.workerNameKey} IS NULL`),
    index('nominations_decided_idx').on(t.decidedAt),
  ],
);

/** The moderator's anonymised quote: the only text of a family's that is ever published. */
export const quotes = sqliteTable(
  'quotes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nominationId: integer('nomination_id')
      .notNull()
      .unique()
      .references(() => nominations.id, { onDelete: 'cascade' }),
    workerId: integer('worker_id')
      .notNull()
      .references(() => workers.id),
    text: text('text').notNull(),
    relationship: text('relationship', { enum: RELATIONSHIPS }).notNull(),
    publishedAt: integer('published_at').notNull(),
    /** set when a moderator unpublishes the quote; the row stays for the record */
    unpublishedAt: integer('unpublished_at'),
  },
  (t) => [index('quotes_worker_published_idx').on(t.workerId, t.publishedAt), index('quotes_published_idx').on(t.publishedAt)],
);

export const MODERATOR_ROLES = ['moderator', 'admin'] as const;

export const moderators = sqliteTable('moderators', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: MODERATOR_ROLES }).notNull().default('moderator'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: integer('locked_until'),
  disabledAt: integer('disabled_at'),
  createdAt: integer('created_at').notNull(),
});

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const moderatorSessions = sqliteTable(
  'moderator_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    moderatorId: integer('moderator_id')
      .notNull()
      .references(() => moderators.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('moderator_sessions_moderator_idx').on(t.moderatorId)],
);

/** objection: UK GDPR art. 21 (answer within one month); defamation: a notice under the Defamation (Operators of Websites) Regulations 2013 (48 hours) */
export const CHANGE_REQUEST_KINDS = ['hide', 'correct', 'objection', 'defamation'] as const;
export const CHANGE_REQUEST_STATUSES = ['pending', 'done', 'declined'] as const;

/** A worker (or anyone) asking for a profile to be hidden or corrected. */
export const changeRequests = sqliteTable(
  'change_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workerName: text('worker_name').notNull(),
    areaText: text('area_text').notNull(),
    areaId: integer('area_id').references(() => areas.id),
    /** the profile it most likely concerns, if one matched */
    workerId: integer('worker_id').references(() => workers.id),
    request: text('request', { enum: CHANGE_REQUEST_KINDS }).notNull(),
    details: text('details').notNull(),
    contactEmail: text('contact_email'),
    status: text('status', { enum: CHANGE_REQUEST_STATUSES }).notNull().default('pending'),
    submittedAt: integer('submitted_at').notNull(),
    decidedAt: integer('decided_at'),
    decidedBy: integer('decided_by').references(() => moderators.id),
    outcome: text('outcome'),
  },
  (t) => [index('change_requests_status_submitted_idx').on(t.status, t.submittedAt)],
);

/**
 * What is left of a withdrawn nomination, so its reference answers "withdrawn" on the status page:
 * the SHA-256 of the compact reference and the time, nothing else (no id, no worker, no area).
 */
export const withdrawnReferences = sqliteTable('withdrawn_references', {
  refHash: text('ref_hash').primaryKey(),
  withdrawnAt: integer('withdrawn_at').notNull(),
});

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    /** null for actions by the public (withdrawal) or the system (retention) */
    moderatorId: integer('moderator_id').references(() => moderators.id),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id'),
    before: text('before'),
    after: text('after'),
    note: text('note'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_moderator_idx').on(t.moderatorId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
  ],
);

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;

/**
 * Outgoing mail, written in the same transaction as the action that causes it (a transactional
 * outbox); the sender (server/mail/sender.ts) claims due rows one at a time and delivers them.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    /** what the mail is for, e.g. 'worker_sign_in', 'nominator_published' */
    kind: text('kind').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** the transport's error of the last failed attempt; never the body or the address */
    lastError: text('last_error'),
    /** when the row was claimed for sending: a 'sending' row long past this is a crash mid-send */
    claimedAt: integer('claimed_at'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    /** the SMTP Message-ID (or .eml file) of the delivery */
    messageId: text('message_id'),
    /** one mail per cause: a second queueMail with the same key is ignored */
    dedupeKey: text('dedupe_key').unique(),
  },
  (t) => [index('outbox_status_next_idx').on(t.status, t.nextAttemptAt), index('outbox_created_idx').on(t.createdAt)],
);

/** Email domains of each children's services authority, seeded from db/authorities.csv. */
export const authorityDomains = sqliteTable(
  'authority_domains',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** as in areas.authority (db/areas.csv's children_services_authority) */
    authority: text('authority').notNull(),
    nation: text('nation').notNull(),
    /** lower case, no leading dot; one domain may serve two authorities (a shared children's trust) */
    domain: text('domain').notNull(),
  },
  (t) => [
    uniqueIndex('authority_domains_authority_domain_idx').on(t.authority, t.domain),
    index('authority_domains_domain_idx').on(t.domain),
  ],
);

// ---- The named worker's side (issue 13) ----

/**
 * A social worker who proved they are named on a profile. The email is kept so they can sign in
 * again; it is deleted with the account (on request, or 2 years after the last sign-in).
 */
export const workerAccounts = sqliteTable('worker_accounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** lower case */
  email: text('email').notNull().unique(),
  createdAt: integer('created_at').notNull(),
  lastSignInAt: integer('last_sign_in_at').notNull(),
});

export const CONFIRMED_BY = ['work_email', 'moderator'] as const;
export const SIGN_IN_VIA = [...CONFIRMED_BY, 'returning'] as const;

/** The profiles a verified worker holds (more than one after a move between councils). One account per profile. */
export const workerAccountProfiles = sqliteTable(
  'worker_account_profiles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => workerAccounts.id, { onDelete: 'cascade' }),
    workerId: integer('worker_id')
      .notNull()
      .unique()
      .references(() => workers.id, { onDelete: 'cascade' }),
    confirmedAt: integer('confirmed_at').notNull(),
    confirmedBy: text('confirmed_by', { enum: CONFIRMED_BY }).notNull(),
  },
  (t) => [index('worker_account_profiles_account_idx').on(t.accountId)],
);

/** Mailed single-use sign-in links: only the token's SHA-256 is kept; bound to one profile. */
export const workerSignInTokens = sqliteTable(
  'worker_sign_in_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    workerId: integer('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    /** lower case; deleted with the row a day after it expires */
    email: text('email').notNull(),
    /** why the link was sent: a matching work email, a moderator's confirmation, or a confirmed worker signing in again */
    via: text('via', { enum: SIGN_IN_VIA }).notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('worker_sign_in_tokens_expires_idx').on(t.expiresAt)],
);

/** Worker sessions, to the moderators' standards: the cookie holds a random token, the table its SHA-256. */
export const workerSessions = sqliteTable(
  'worker_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => workerAccounts.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('worker_sessions_account_idx').on(t.accountId)],
);

/** Claims asked for in the last hour, for the rate limits (a keyed hash of the client, never its address). */
export const workerClaimAttempts = sqliteTable(
  'worker_claim_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientHash: text('client_hash').notNull(),
    /** null for a confirmed worker asking to sign in again (by email, no profile named) */
    workerId: integer('worker_id').references(() => workers.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
  },
  (t) => [index('worker_claim_attempts_client_idx').on(t.clientHash, t.at), index('worker_claim_attempts_worker_idx').on(t.workerId, t.at)],
);

export const WORKER_REQUEST_STATUSES = ['pending', 'done', 'declined'] as const;

/** A worker whose address is not on their authority's domains (agency, moved) asks a moderator to confirm them. */
export const workerConfirmationRequests = sqliteTable(
  'worker_confirmation_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workerId: integer('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    /** where the sign-in link goes if confirmed; deleted at the decision */
    email: text('email'),
    note: text('note').notNull(),
    /** the language of the page the worker asked from: the sign-in link a moderator's confirmation sends is written in it */
    lang: text('lang', { enum: PAGE_LANGS }).notNull().default('en'),
    status: text('status', { enum: WORKER_REQUEST_STATUSES }).notNull().default('pending'),
    submittedAt: integer('submitted_at').notNull(),
    decidedAt: integer('decided_at'),
    decidedBy: integer('decided_by').references(() => moderators.id),
  },
  (t) => [index('worker_confirmation_requests_status_idx').on(t.status, t.submittedAt)],
);

export const WORKER_REPLY_STATUSES = ['pending', 'published', 'rejected', 'removed', 'replaced'] as const;

/** A worker's public reply on their profile; moderated before it shows. At most one published per profile. */
export const workerReplies = sqliteTable(
  'worker_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workerId: integer('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    accountId: integer('account_id').references(() => workerAccounts.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    status: text('status', { enum: WORKER_REPLY_STATUSES }).notNull().default('pending'),
    submittedAt: integer('submitted_at').notNull(),
    decidedAt: integer('decided_at'),
    decidedBy: integer('decided_by').references(() => moderators.id),
    rejectReason: text('reject_reason'),
  },
  (t) => [
    index('worker_replies_worker_status_idx').on(t.workerId, t.status),
    index('worker_replies_status_idx').on(t.status, t.submittedAt),
  ],
);

export const REGULATORS = ['swe', 'sssc', 'scw', 'niscc'] as const;

/** A worker's registration with their regulator, as they gave it (shown, never looked up). */
export const workerRegistrations = sqliteTable('worker_registrations', {
  workerId: integer('worker_id')
    .primaryKey()
    .references(() => workers.id, { onDelete: 'cascade' }),
  regulator: text('regulator', { enum: REGULATORS }).notNull(),
  number: text('number').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** A worker asks for two of their profiles to become one (a move between councils). */
export const workerMergeRequests = sqliteTable(
  'worker_merge_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => workerAccounts.id, { onDelete: 'cascade' }),
    /** the profile that goes (its slug then redirects) */
    fromWorkerId: integer('from_worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    /** the profile that stays */
    intoWorkerId: integer('into_worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    status: text('status', { enum: WORKER_REQUEST_STATUSES }).notNull().default('pending'),
    submittedAt: integer('submitted_at').notNull(),
    decidedAt: integer('decided_at'),
    decidedBy: integer('decided_by').references(() => moderators.id),
  },
  (t) => [index('worker_merge_requests_status_idx').on(t.status, t.submittedAt)],
);

/** Each "my thanks" document issued: what its check code covers (which quotes, which months). */
export const thanksDocuments = sqliteTable('thanks_documents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** printed on the document; 16 letters from a 32-letter alphabet (80 random bits) */
  code: text('code').notNull().unique(),
  workerId: integer('worker_id')
    .notNull()
    .references(() => workers.id, { onDelete: 'cascade' }),
  issuedAt: integer('issued_at').notNull(),
  /** JSON array of quote ids listed */
  quoteIds: text('quote_ids').notNull(),
  /** JSON array of "YYYY-MM" months the listed quotes were published in */
  months: text('months').notNull(),
});

/**
 * One row per worker a committed write may have changed, written by permanent triggers inside
 * the writing transaction (migration change_log): every process's counts, search index and page
 * cache read it from their last sequence (server/workers/changes.ts). AUTOINCREMENT: a sequence
 * is never used twice, even once every row below it has been pruned.
 */
export const changeLog = sqliteTable('change_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  /** no foreign key: a deleted worker's row says so */
  workerId: integer('worker_id').notNull(),
  at: integer('at').notNull(),
});

/** Where each live reader of change_log has read up to, with a heartbeat: rows below every live reader are pruned. */
export const changeReaders = sqliteTable('change_readers', {
  /** host:pid:consumer:n */
  id: text('id').primaryKey(),
  seq: integer('seq').notNull(),
  seenAt: integer('seen_at').notNull(),
});
