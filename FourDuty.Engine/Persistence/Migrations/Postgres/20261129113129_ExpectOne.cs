using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExpectOne : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Raises inside a step's batch when a guarded UPDATE or DELETE did not hit exactly one row (another step
            // changed the row first), so the whole batch — one implicit transaction — rolls back.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION fourduty.expect_one(hits bigint, what text) RETURNS void
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF hits <> 1 THEN
                        RAISE EXCEPTION 'fourduty: a % row was changed by another step', what USING ERRCODE = '40001';
                    END IF;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS fourduty.expect_one(bigint, text);");
        }
    }
}
