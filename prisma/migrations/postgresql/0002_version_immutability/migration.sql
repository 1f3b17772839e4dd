-- A published DTSEN version is immutable: what any reader sees for it can never change.
-- Hand-written (triggers are outside the Prisma datamodel); same rules as the SQLite migration.

CREATE FUNCTION "atlas_max_published_version"() RETURNS integer LANGUAGE sql STABLE AS
$$ SELECT COALESCE(MAX("id"), 0) FROM "dtsen_version" WHERE "status" = 'PUBLISHED' $$;

CREATE FUNCTION "atlas_dtsen_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'PUBLISHED' THEN
    RAISE EXCEPTION 'DTSEN version is published and immutable' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "dtsen_version_published_change" BEFORE UPDATE OR DELETE ON "dtsen_version"
FOR EACH ROW EXECUTE FUNCTION "atlas_dtsen_version_immutable"();

CREATE FUNCTION "atlas_family_state_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE published integer := "atlas_max_published_version"();
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."valid_from_version_id" <= published THEN
      RAISE EXCEPTION 'family state of a published DTSEN version is immutable' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD."valid_from_version_id" > published THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."valid_to_version_id" IS NULL AND NEW."valid_to_version_id" > published
     AND (to_jsonb(NEW) - 'valid_to_version_id') = (to_jsonb(OLD) - 'valid_to_version_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'family state of a published DTSEN version is immutable (only closing it at a draft version is allowed)'
    USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER "family_state_published_change" BEFORE INSERT OR UPDATE OR DELETE ON "family_state"
FOR EACH ROW EXECUTE FUNCTION "atlas_family_state_immutable"();

CREATE FUNCTION "atlas_desil_rollup_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE v integer;
BEGIN
  IF TG_OP = 'INSERT' THEN v := NEW."version_id"; ELSE v := OLD."version_id"; END IF;
  IF EXISTS (SELECT 1 FROM "dtsen_version" WHERE "id" = v AND "status" = 'PUBLISHED') THEN
    RAISE EXCEPTION 'rollups of a published DTSEN version are immutable' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "desil_rollup_published_change" BEFORE INSERT OR UPDATE OR DELETE ON "desil_rollup"
FOR EACH ROW EXECUTE FUNCTION "atlas_desil_rollup_immutable"();
