CREATE TABLE `change_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`worker_id` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `change_readers` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`seen_at` integer NOT NULL
);
