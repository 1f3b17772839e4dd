-- Rollups of a published DTSEN version are immutable (hand-written, like 0002; reuses its trigger function).

CREATE TRIGGER "targeting_rollup_published_change" BEFORE INSERT OR UPDATE OR DELETE ON "targeting_rollup"
FOR EACH ROW EXECUTE FUNCTION "atlas_desil_rollup_immutable"();

CREATE TRIGGER "targeting_class_rollup_published_change" BEFORE INSERT OR UPDATE OR DELETE ON "targeting_class_rollup"
FOR EACH ROW EXECUTE FUNCTION "atlas_desil_rollup_immutable"();

CREATE TRIGGER "churn_rollup_published_change" BEFORE INSERT OR UPDATE OR DELETE ON "churn_rollup"
FOR EACH ROW EXECUTE FUNCTION "atlas_desil_rollup_immutable"();

CREATE TRIGGER "overlap_rollup_published_change" BEFORE INSERT OR UPDATE OR DELETE ON "overlap_rollup"
FOR EACH ROW EXECUTE FUNCTION "atlas_desil_rollup_immutable"();

CREATE TRIGGER "proposal_rollup_published_change" BEFORE INSERT OR UPDATE OR DELETE ON "proposal_rollup"
FOR EACH ROW EXECUTE FUNCTION "atlas_desil_rollup_immutable"();
