using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Engine.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The job driver's own bookkeeping (decision 0020): the nodes that heart-beat, and which node has claimed a due timer or
    /// outbox row. The columns are outside the engine's model on purpose: the runtime never reads who is working on a row.
    /// </summary>
    [DbContext(typeof(PostgresEngineDbContext))]
    [Migration("20261205073000_DueWorkClaims")]
    public partial class DueWorkClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE fourduty.nodes (
                    id uuid PRIMARY KEY,
                    name character varying(255) NOT NULL,
                    started_at timestamp with time zone NOT NULL,
                    heartbeat_at timestamp with time zone NOT NULL);
                ALTER TABLE fourduty.timers ADD COLUMN claimed_by uuid NULL;
                ALTER TABLE fourduty.outbox ADD COLUMN claimed_by uuid NULL;
                -- What the claim reads: the earliest due rows nobody holds.
                CREATE INDEX ix_timers_due_unclaimed ON fourduty.timers (due_at) WHERE claimed_by IS NULL;
                CREATE INDEX ix_outbox_pending_due ON fourduty.outbox (due_at) WHERE status = 'Pending';
                -- What the release of a dead node's claims reads.
                CREATE INDEX ix_timers_claimed_by ON fourduty.timers (claimed_by) WHERE claimed_by IS NOT NULL;
                CREATE INDEX ix_outbox_claimed_by ON fourduty.outbox (claimed_by) WHERE claimed_by IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS fourduty.ix_outbox_claimed_by;
                DROP INDEX IF EXISTS fourduty.ix_timers_claimed_by;
                DROP INDEX IF EXISTS fourduty.ix_outbox_pending_due;
                DROP INDEX IF EXISTS fourduty.ix_timers_due_unclaimed;
                ALTER TABLE fourduty.outbox DROP COLUMN IF EXISTS claimed_by;
                ALTER TABLE fourduty.timers DROP COLUMN IF EXISTS claimed_by;
                DROP TABLE IF EXISTS fourduty.nodes;
                """);
        }
    }
}
