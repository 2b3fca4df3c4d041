CREATE TABLE `area_variants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`area_id` integer NOT NULL,
	`normalized` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `area_variants_normalized_unique` ON `area_variants` (`normalized`);--> statement-breakpoint
CREATE INDEX `area_variants_area_idx` ON `area_variants` (`area_id`);--> statement-breakpoint
CREATE TABLE `areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ons_code` text NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`nation` text NOT NULL,
	`region` text NOT NULL,
	`authority` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `areas_ons_code_unique` ON `areas` (`ons_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `areas_slug_unique` ON `areas` (`slug`);--> statement-breakpoint
CREATE INDEX `areas_nation_region_idx` ON `areas` (`nation`,`region`,`name`);--> statement-breakpoint
CREATE INDEX `areas_authority_idx` ON `areas` (`authority`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`moderator_id` integer,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer,
	`before` text,
	`after` text,
	`note` text,
	FOREIGN KEY (`moderator_id`) REFERENCES `moderators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_moderator_idx` ON `audit_log` (`moderator_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `change_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`worker_name` text NOT NULL,
	`area_text` text NOT NULL,
	`area_id` integer,
	`worker_id` integer,
	`request` text NOT NULL,
	`details` text NOT NULL,
	`contact_email` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`submitted_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` integer,
	`outcome` text,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `moderators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `change_requests_status_submitted_idx` ON `change_requests` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `moderator_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`moderator_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`moderator_id`) REFERENCES `moderators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `moderator_sessions_moderator_idx` ON `moderator_sessions` (`moderator_id`);--> statement-breakpoint
CREATE TABLE `moderators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'moderator' NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`disabled_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `moderators_email_unique` ON `moderators` (`email`);--> statement-breakpoint
CREATE TABLE `nominations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text NOT NULL,
	`submission_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`worker_name` text NOT NULL,
	`area_id` integer NOT NULL,
	`team` text,
	`relationship` text NOT NULL,
	`qualities` text DEFAULT '[]' NOT NULL,
	`still_involved` text NOT NULL,
	`story` text,
	`story_hash` text NOT NULL,
	`contact_email` text,
	`flags` text DEFAULT '[]' NOT NULL,
	`duplicate_of` integer,
	`submitted_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` integer,
	`worker_id` integer,
	`reject_reason` text,
	`reject_note` text,
	`story_deleted_at` integer,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `moderators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nominations_ref_unique` ON `nominations` (`ref`);--> statement-breakpoint
CREATE UNIQUE INDEX `nominations_submission_key_unique` ON `nominations` (`submission_key`);--> statement-breakpoint
CREATE INDEX `nominations_status_submitted_idx` ON `nominations` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `nominations_worker_status_idx` ON `nominations` (`worker_id`,`status`);--> statement-breakpoint
CREATE INDEX `nominations_area_status_submitted_idx` ON `nominations` (`area_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `nominations_story_hash_idx` ON `nominations` (`story_hash`);--> statement-breakpoint
CREATE INDEX `nominations_decided_idx` ON `nominations` (`decided_at`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nomination_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`text` text NOT NULL,
	`relationship` text NOT NULL,
	`published_at` integer NOT NULL,
	`unpublished_at` integer,
	FOREIGN KEY (`nomination_id`) REFERENCES `nominations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_nomination_id_unique` ON `quotes` (`nomination_id`);--> statement-breakpoint
CREATE INDEX `quotes_worker_published_idx` ON `quotes` (`worker_id`,`published_at`);--> statement-breakpoint
CREATE INDEX `quotes_published_idx` ON `quotes` (`published_at`);--> statement-breakpoint
CREATE TABLE `worker_slug_redirects` (
	`old_slug` text PRIMARY KEY NOT NULL,
	`worker_id` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `workers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`area_id` integer NOT NULL,
	`team` text,
	`status` text DEFAULT 'published' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workers_slug_unique` ON `workers` (`slug`);--> statement-breakpoint
CREATE INDEX `workers_area_status_idx` ON `workers` (`area_id`,`status`);--> statement-breakpoint
CREATE INDEX `workers_status_idx` ON `workers` (`status`,`id`);