CREATE TABLE "agreements" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreements_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "audit_anchors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"site_code" text NOT NULL,
	"batch_seq" bigint NOT NULL,
	"count" bigint NOT NULL,
	"hash" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"anomaly" text
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"base_version" integer NOT NULL,
	"event_ids" jsonb NOT NULL,
	"detected_event_id" uuid NOT NULL,
	"status" text NOT NULL,
	"resolved_event_id" uuid,
	"kept_event_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"site_code" text,
	"user_id" text,
	"user_name" text,
	"user_role" text,
	"purpose" text,
	"person_id" uuid,
	"identifier_type" text,
	"identifier_value" text,
	"outcome" text NOT NULL,
	"permitted" jsonb NOT NULL,
	"withheld" jsonb NOT NULL,
	"rule" text NOT NULL,
	"agreement_refs" jsonb NOT NULL,
	"event_count" integer NOT NULL,
	"detail" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "disclosures_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "event_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"origin_site" text NOT NULL,
	"sensitivity" text NOT NULL,
	CONSTRAINT "event_log_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"type" text NOT NULL,
	"base_version" integer,
	"hlc" bigint NOT NULL,
	"origin_site" text NOT NULL,
	"sensitivity" text NOT NULL,
	"content_hash" text NOT NULL,
	"body" json NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identifiers" (
	"record_id" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"retired" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	CONSTRAINT "log_head_single_row" CHECK ("log_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"origin_site" text,
	"demographics" jsonb NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_bases" (
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"base_version" integer NOT NULL,
	"event_id" uuid NOT NULL,
	CONSTRAINT "record_bases_record_type_record_id_base_version_pk" PRIMARY KEY("record_type","record_id","base_version")
);
--> statement-breakpoint
CREATE TABLE "records" (
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"origin_site" text,
	"sensitivity" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"state" jsonb NOT NULL,
	"head_event_id" uuid NOT NULL,
	"open_conflict_id" uuid,
	CONSTRAINT "records_record_type_record_id_pk" PRIMARY KEY("record_type","record_id")
);
--> statement-breakpoint
CREATE TABLE "removals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"site_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"categories" jsonb NOT NULL,
	"origin_sites" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_certificates" (
	"fingerprint" text PRIMARY KEY NOT NULL,
	"site_code" text NOT NULL,
	"serial" text NOT NULL,
	"san" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"pem" text NOT NULL,
	CONSTRAINT "site_certificates_serial_unique" UNIQUE("serial")
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"org_type" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"last_batch_seq" bigint,
	"last_push_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"purpose" text NOT NULL,
	"category_cap" jsonb,
	"stay_record_id" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"snapshot_seq" bigint,
	"snapshot_floor" bigint NOT NULL,
	"snapshot_gen" integer NOT NULL,
	"snapshot_done" boolean NOT NULL,
	"granted" jsonb
);
--> statement-breakpoint
ALTER TABLE "site_certificates" ADD CONSTRAINT "site_certificates_site_code_sites_code_fk" FOREIGN KEY ("site_code") REFERENCES "public"."sites"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_anchors_site" ON "audit_anchors" USING btree ("site_code","id");--> statement-breakpoint
CREATE INDEX "conflicts_person" ON "conflicts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "conflicts_record" ON "conflicts" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "disclosures_person" ON "disclosures" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "disclosures_site" ON "disclosures" USING btree ("site_code","at");--> statement-breakpoint
CREATE INDEX "disclosures_identifier" ON "disclosures" USING btree ("identifier_type","identifier_value");--> statement-breakpoint
CREATE INDEX "disclosures_at" ON "disclosures" USING btree ("at");--> statement-breakpoint
CREATE INDEX "event_log_person_seq" ON "event_log" USING btree ("person_id","seq");--> statement-breakpoint
CREATE INDEX "identifiers_value" ON "identifiers" USING btree ("type","value");--> statement-breakpoint
CREATE INDEX "records_person" ON "records" USING btree ("person_id","record_type");--> statement-breakpoint
CREATE INDEX "removals_site" ON "removals" USING btree ("site_code","id");--> statement-breakpoint
CREATE INDEX "site_certificates_site" ON "site_certificates" USING btree ("site_code");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_site_person" ON "subscriptions" USING btree ("site_code","person_id");--> statement-breakpoint
CREATE INDEX "subscriptions_person" ON "subscriptions" USING btree ("person_id");