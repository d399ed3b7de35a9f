CREATE TABLE "lead_certificates" (
	"fingerprint" text PRIMARY KEY NOT NULL,
	"lead_id" text NOT NULL,
	"serial" text NOT NULL,
	"san" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"pem" text NOT NULL,
	CONSTRAINT "lead_certificates_serial_unique" UNIQUE("serial")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lead_certificates" ADD CONSTRAINT "lead_certificates_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_certificates_lead" ON "lead_certificates" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "records_stay_arrived" ON "records" USING btree (("state" -> 'stay.started' -> 'payload' ->> 'arrivedAt')) WHERE "records"."record_type" = 'stay';--> statement-breakpoint
CREATE INDEX "records_form_stay" ON "records" USING btree ((COALESCE("state" -> 'form.recorded' -> 'payload' ->> 'stayId', "state" -> 'form.amended' -> 'payload' ->> 'stayId', "state" -> 'form.entered_in_error' -> 'payload' ->> 'stayId'))) WHERE "records"."record_type" = 'form_response';--> statement-breakpoint
CREATE INDEX "records_task_stay" ON "records" USING btree (("state" -> 'task.created' -> 'payload' ->> 'stayId')) WHERE "records"."record_type" = 'task';