-- The transition rollup of a published DTSEN version is immutable (hand-written, like 0004; reuses 0002's function).

CREATE TRIGGER "transition_rollup_published_change" BEFORE INSERT OR UPDATE OR DELETE ON "transition_rollup"
FOR EACH ROW EXECUTE FUNCTION "atlas_desil_rollup_immutable"();
