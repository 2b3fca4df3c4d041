ALTER TABLE `nominations` ADD `worker_name_key` text;--> statement-breakpoint
CREATE INDEX `nominations_area_name_key_idx` ON `nominations` (`area_id`,`worker_name_key`);