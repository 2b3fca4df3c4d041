CREATE TABLE `withdrawn_references` (
	`ref_hash` text PRIMARY KEY NOT NULL,
	`withdrawn_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `nominations` ADD `opened_at` integer;--> statement-breakpoint
ALTER TABLE `nominations` ADD `send_back_reason` text;--> statement-breakpoint
ALTER TABLE `nominations` ADD `resubmitted_at` integer;--> statement-breakpoint
ALTER TABLE `nominations` ADD `independent` integer;