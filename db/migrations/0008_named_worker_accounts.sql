CREATE TABLE `thanks_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`worker_id` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`quote_ids` text NOT NULL,
	`months` text NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `thanks_documents_code_unique` ON `thanks_documents` (`code`);--> statement-breakpoint
CREATE TABLE `worker_account_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`confirmed_at` integer NOT NULL,
	`confirmed_by` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `worker_accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `worker_account_profiles_worker_id_unique` ON `worker_account_profiles` (`worker_id`);--> statement-breakpoint
CREATE INDEX `worker_account_profiles_account_idx` ON `worker_account_profiles` (`account_id`);--> statement-breakpoint
CREATE TABLE `worker_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_sign_in_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `worker_accounts_email_unique` ON `worker_accounts` (`email`);--> statement-breakpoint
CREATE TABLE `worker_claim_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_hash` text NOT NULL,
	`worker_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `worker_claim_attempts_client_idx` ON `worker_claim_attempts` (`client_hash`,`at`);--> statement-breakpoint
CREATE INDEX `worker_claim_attempts_worker_idx` ON `worker_claim_attempts` (`worker_id`,`at`);--> statement-breakpoint
CREATE TABLE `worker_confirmation_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`worker_id` integer NOT NULL,
	`email` text,
	`note` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`submitted_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` integer,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `moderators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `worker_confirmation_requests_status_idx` ON `worker_confirmation_requests` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `worker_merge_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`from_worker_id` integer NOT NULL,
	`into_worker_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`submitted_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` integer,
	FOREIGN KEY (`account_id`) REFERENCES `worker_accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`into_worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `moderators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `worker_merge_requests_status_idx` ON `worker_merge_requests` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `worker_registrations` (
	`worker_id` integer PRIMARY KEY NOT NULL,
	`regulator` text NOT NULL,
	`number` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `worker_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`worker_id` integer NOT NULL,
	`account_id` integer,
	`text` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`submitted_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` integer,
	`reject_reason` text,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `worker_accounts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `moderators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `worker_replies_worker_status_idx` ON `worker_replies` (`worker_id`,`status`);--> statement-breakpoint
CREATE INDEX `worker_replies_status_idx` ON `worker_replies` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `worker_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `worker_accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `worker_sessions_account_idx` ON `worker_sessions` (`account_id`);--> statement-breakpoint
CREATE TABLE `worker_sign_in_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`worker_id` integer NOT NULL,
	`email` text NOT NULL,
	`via` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `worker_sign_in_tokens_expires_idx` ON `worker_sign_in_tokens` (`expires_at`);--> statement-breakpoint
ALTER TABLE `workers` ADD `display` text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE `workers` ADD `full_name` text;