-- Rollups of a published DTSEN version stay immutable, now checked once per statement instead of once per row
-- (hand-written, like 0004). The row triggers of 0002/0004/0008/0012/0013 ran a PL/pgSQL function and a lookup of the
-- version for every rollup row a publication writes (~2.2 M per version at scale 0.01): a large share of publishing on
-- PostgreSQL. These statement triggers see a statement's rows through its transition tables and refuse the whole
-- statement when any row it inserted or deleted, or any old or new row it updated, belongs to a published version
-- (same error, same SQLSTATE; the row triggers did not look at an update's new version). A trigger with transition
-- tables serves one event, so each table gets three.

CREATE FUNCTION "atlas_rollup_rows_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested: a condition naming a transition table the trigger does not have may not even be parsed.
  IF TG_OP <> 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM "atlas_new_rows" n JOIN "dtsen_version" v ON v."id" = n."version_id" WHERE v."status" = 'PUBLISHED') THEN
      RAISE EXCEPTION 'rollups of a published DTSEN version are immutable' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM "atlas_old_rows" o JOIN "dtsen_version" v ON v."id" = o."version_id" WHERE v."status" = 'PUBLISHED') THEN
      RAISE EXCEPTION 'rollups of a published DTSEN version are immutable' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "desil_rollup_published_change" ON "desil_rollup";
CREATE TRIGGER "desil_rollup_published_insert" AFTER INSERT ON "desil_rollup"
REFERENCING NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "desil_rollup_published_update" AFTER UPDATE ON "desil_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "desil_rollup_published_delete" AFTER DELETE ON "desil_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();

DROP TRIGGER "targeting_rollup_published_change" ON "targeting_rollup";
CREATE TRIGGER "targeting_rollup_published_insert" AFTER INSERT ON "targeting_rollup"
REFERENCING NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "targeting_rollup_published_update" AFTER UPDATE ON "targeting_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "targeting_rollup_published_delete" AFTER DELETE ON "targeting_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();

DROP TRIGGER "targeting_class_rollup_published_change" ON "targeting_class_rollup";
CREATE TRIGGER "targeting_class_rollup_published_insert" AFTER INSERT ON "targeting_class_rollup"
REFERENCING NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "targeting_class_rollup_published_update" AFTER UPDATE ON "targeting_class_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "targeting_class_rollup_published_delete" AFTER DELETE ON "targeting_class_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();

DROP TRIGGER "churn_rollup_published_change" ON "churn_rollup";
CREATE TRIGGER "churn_rollup_published_insert" AFTER INSERT ON "churn_rollup"
REFERENCING NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "churn_rollup_published_update" AFTER UPDATE ON "churn_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "churn_rollup_published_delete" AFTER DELETE ON "churn_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();

DROP TRIGGER "overlap_rollup_published_change" ON "overlap_rollup";
CREATE TRIGGER "overlap_rollup_published_insert" AFTER INSERT ON "overlap_rollup"
REFERENCING NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "overlap_rollup_published_update" AFTER UPDATE ON "overlap_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "overlap_rollup_published_delete" AFTER DELETE ON "overlap_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();

DROP TRIGGER "proposal_rollup_published_change" ON "proposal_rollup";
CREATE TRIGGER "proposal_rollup_published_insert" AFTER INSERT ON "proposal_rollup"
REFERENCING NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "proposal_rollup_published_update" AFTER UPDATE ON "proposal_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "proposal_rollup_published_delete" AFTER DELETE ON "proposal_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();

DROP TRIGGER "membership_rollup_published_change" ON "membership_rollup";
CREATE TRIGGER "membership_rollup_published_insert" AFTER INSERT ON "membership_rollup"
REFERENCING NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "membership_rollup_published_update" AFTER UPDATE ON "membership_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "membership_rollup_published_delete" AFTER DELETE ON "membership_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();

DROP TRIGGER "transition_rollup_published_change" ON "transition_rollup";
CREATE TRIGGER "transition_rollup_published_insert" AFTER INSERT ON "transition_rollup"
REFERENCING NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "transition_rollup_published_update" AFTER UPDATE ON "transition_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "transition_rollup_published_delete" AFTER DELETE ON "transition_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();

DROP TRIGGER "quota_recipient_rollup_published_change" ON "quota_recipient_rollup";
CREATE TRIGGER "quota_recipient_rollup_published_insert" AFTER INSERT ON "quota_recipient_rollup"
REFERENCING NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "quota_recipient_rollup_published_update" AFTER UPDATE ON "quota_recipient_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" NEW TABLE AS "atlas_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();
CREATE TRIGGER "quota_recipient_rollup_published_delete" AFTER DELETE ON "quota_recipient_rollup"
REFERENCING OLD TABLE AS "atlas_old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_rollup_rows_immutable"();

DROP FUNCTION "atlas_desil_rollup_immutable"();

-- TRUNCATE fires no row or statement trigger of the above, and would empty published versions at once: refused on
-- every table that holds them while any version is published (a rebuild by the generator switches triggers off first).
CREATE FUNCTION "atlas_published_no_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "dtsen_version" WHERE "status" = 'PUBLISHED') THEN
    RAISE EXCEPTION 'published DTSEN versions are immutable: % cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "dtsen_version_no_truncate" BEFORE TRUNCATE ON "dtsen_version" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_published_no_truncate"();
CREATE TRIGGER "family_state_no_truncate" BEFORE TRUNCATE ON "family_state" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_published_no_truncate"();
CREATE TRIGGER "desil_rollup_no_truncate" BEFORE TRUNCATE ON "desil_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_published_no_truncate"();
CREATE TRIGGER "targeting_rollup_no_truncate" BEFORE TRUNCATE ON "targeting_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_published_no_truncate"();
CREATE TRIGGER "targeting_class_rollup_no_truncate" BEFORE TRUNCATE ON "targeting_class_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_published_no_truncate"();
CREATE TRIGGER "churn_rollup_no_truncate" BEFORE TRUNCATE ON "churn_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_published_no_truncate"();
CREATE TRIGGER "overlap_rollup_no_truncate" BEFORE TRUNCATE ON "overlap_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_published_no_truncate"();
CREATE TRIGGER "proposal_rollup_no_truncate" BEFORE TRUNCATE ON "proposal_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_published_no_truncate"();
CREATE TRIGGER "membership_rollup_no_truncate" BEFORE TRUNCATE ON "membership_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_published_no_truncate"();
CREATE TRIGGER "transition_rollup_no_truncate" BEFORE TRUNCATE ON "transition_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_published_no_truncate"();
CREATE TRIGGER "quota_recipient_rollup_no_truncate" BEFORE TRUNCATE ON "quota_recipient_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_published_no_truncate"();
