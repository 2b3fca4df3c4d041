ALTER TABLE `nominations` ADD `lang` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `worker_confirmation_requests` ADD `lang` text DEFAULT 'en' NOT NULL;