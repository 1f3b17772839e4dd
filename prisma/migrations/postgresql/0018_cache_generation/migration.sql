-- Hand-written: the generation signal of the response cache (server/src/graphql/response-cache.ts) on PostgreSQL.
-- Every statement that writes a table an analysis may read (reference data, versions, the registry, proposals and
-- every rollup) sends a notification on the channel `atlas_generation` when its transaction commits; the server
-- LISTENs on a connection of its own (server/src/db/pg-generation.ts) and empties its cache on each one. So commits of
-- any connection or process (Prisma's pool, the publish worker, the import and generate commands) invalidate it.
-- The payload is the writing transaction's id: PostgreSQL folds identical notifications of one transaction into one,
-- so a bulk load of a million statements still sends one notification. Nothing is sent for a rolled-back transaction.
-- Access control's tables (app_user, api_token, audit_event) have no trigger: no cached answer reads them (the
-- cache is keyed by the caller's role and region after authentication), and the audit log grows on every person read.
-- A new table an analysis reads needs the same trigger (server/src/db/pg-generation.spec.ts lists the tables that do
-- not).
CREATE FUNCTION "atlas_generation_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('atlas_generation', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "region_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "region"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "dtsen_version_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "dtsen_version"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "family_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "family"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "family_state_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "family_state"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "individual_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "individual"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "exclusion_criterion_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "exclusion_criterion"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "exclusion_flag_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "exclusion_flag"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "program_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "program"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "enrollment_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enrollment"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "poverty_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "poverty"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "population_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "population"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "minimum_wage_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "minimum_wage"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "proposal_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "proposal"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "proposal_status_change_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "proposal_status_change"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "dataset_info_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "dataset_info"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "desil_rollup_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "desil_rollup"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "targeting_rollup_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "targeting_rollup"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "targeting_class_rollup_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "targeting_class_rollup"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "churn_rollup_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "churn_rollup"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "overlap_rollup_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "overlap_rollup"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "membership_rollup_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "membership_rollup"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "transition_rollup_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "transition_rollup"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "quota_recipient_rollup_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "quota_recipient_rollup"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();

CREATE TRIGGER "proposal_rollup_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "proposal_rollup"
FOR EACH STATEMENT EXECUTE FUNCTION "atlas_generation_notify"();
