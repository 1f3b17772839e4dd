-- The membership rollup of a published DTSEN version is immutable (hand-written, like 0004; reuses 0002's function).

CREATE TRIGGER "membership_rollup_published_change" BEFORE INSERT OR UPDATE OR DELETE ON "membership_rollup"
FOR EACH ROW EXECUTE FUNCTION "atlas_desil_rollup_immutable"();
