CREATE TABLE `authority_domains` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authority` text NOT NULL,
	`nation` text NOT NULL,
	`domain` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authority_domains_authority_domain_idx` ON `authority_domains` (`authority`,`domain`);--> statement-breakpoint
CREATE INDEX `authority_domains_domain_idx` ON `authority_domains` (`domain`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body_text` text NOT NULL,
	`body_html` text,
	`kind` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`claimed_at` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`message_id` text,
	`dedupe_key` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_key_unique` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_status_next_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);--> statement-breakpoint
ALTER TABLE `nominations` ADD `notify_published` integer DEFAULT false NOT NULL;