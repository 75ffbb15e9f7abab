namespace FourDuty.Workflows.Persistence;

/// <summary>
/// The database's own guard on lapses (失责记录): recorded for good, annotated and classified, never deleted (Art. 26,
/// Art. 22). No code path deletes one; these triggers make sure nothing else does either (a hand-written DELETE, a
/// TRUNCATE, a change of what was missed). Used by the migrations.
/// </summary>
internal static class KeptForGood
{
    public const string Message = "DUTY-LAPSE-KEPT: a lapse is kept for good; it can be annotated or classified, never deleted, and what it records never changes.";

    public const string PostgresUp = $"""
        CREATE FUNCTION duty.lapses_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'TRUNCATE') OR TG_TABLE_NAME = 'lapse_annotations' THEN
                RAISE EXCEPTION '{Message}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            -- Only an update of a lapse gets here: its classification may change, and when it was done later, once.
            IF NEW.id <> OLD.id OR NEW.subject_id <> OLD.subject_id OR NEW.what <> OLD.what OR NEW.due_at <> OLD.due_at
               OR NEW.created_at <> OLD.created_at OR NEW.year <> OLD.year
               OR (OLD.done_later_at IS NOT NULL AND NEW.done_later_at IS DISTINCT FROM OLD.done_later_at) THEN
                RAISE EXCEPTION '{Message}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER lapses_kept BEFORE UPDATE OR DELETE ON duty.lapses FOR EACH ROW EXECUTE FUNCTION duty.lapses_are_kept();
        CREATE TRIGGER lapses_not_truncated BEFORE TRUNCATE ON duty.lapses FOR EACH STATEMENT EXECUTE FUNCTION duty.lapses_are_kept();
        CREATE TRIGGER lapse_annotations_kept BEFORE UPDATE OR DELETE ON duty.lapse_annotations FOR EACH ROW EXECUTE FUNCTION duty.lapses_are_kept();
        CREATE TRIGGER lapse_annotations_not_truncated BEFORE TRUNCATE ON duty.lapse_annotations FOR EACH STATEMENT EXECUTE FUNCTION duty.lapses_are_kept();
        """;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS lapse_annotations_not_truncated ON duty.lapse_annotations;
        DROP TRIGGER IF EXISTS lapse_annotations_kept ON duty.lapse_annotations;
        DROP TRIGGER IF EXISTS lapses_not_truncated ON duty.lapses;
        DROP TRIGGER IF EXISTS lapses_kept ON duty.lapses;
        DROP FUNCTION IF EXISTS duty.lapses_are_kept();
        """;

    public const string SqliteUp = $"""
        CREATE TRIGGER lapses_not_deleted BEFORE DELETE ON lapses BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER lapses_unchanged BEFORE UPDATE ON lapses
            WHEN NEW.id IS NOT OLD.id OR NEW.subject_id IS NOT OLD.subject_id OR NEW.what IS NOT OLD.what OR NEW.due_at IS NOT OLD.due_at
              OR NEW.created_at IS NOT OLD.created_at OR NEW.year IS NOT OLD.year
              OR (OLD.done_later_at IS NOT NULL AND NEW.done_later_at IS NOT OLD.done_later_at)
            BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER lapse_annotations_not_deleted BEFORE DELETE ON lapse_annotations BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER lapse_annotations_unchanged BEFORE UPDATE ON lapse_annotations BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS lapse_annotations_unchanged;
        DROP TRIGGER IF EXISTS lapse_annotations_not_deleted;
        DROP TRIGGER IF EXISTS lapses_unchanged;
        DROP TRIGGER IF EXISTS lapses_not_deleted;
        """;
}
