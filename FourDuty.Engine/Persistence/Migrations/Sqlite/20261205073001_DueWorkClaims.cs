using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Engine.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The job driver's own bookkeeping (decision 0020): the nodes that heart-beat, and which node has claimed a due timer or
    /// outbox row. Instants are UTC ticks, as everywhere in the SQLite file.
    /// </summary>
    [DbContext(typeof(SqliteEngineDbContext))]
    [Migration("20261205073001_DueWorkClaims")]
    public partial class DueWorkClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE nodes (
                    id TEXT NOT NULL PRIMARY KEY,
                    name TEXT NOT NULL,
                    started_at INTEGER NOT NULL,
                    heartbeat_at INTEGER NOT NULL);
                ALTER TABLE timers ADD COLUMN claimed_by TEXT NULL;
                ALTER TABLE outbox ADD COLUMN claimed_by TEXT NULL;
                CREATE INDEX ix_timers_due_unclaimed ON timers (due_at) WHERE claimed_by IS NULL;
                CREATE INDEX ix_outbox_pending_due ON outbox (due_at) WHERE status = 'Pending';
                CREATE INDEX ix_timers_claimed_by ON timers (claimed_by) WHERE claimed_by IS NOT NULL;
                CREATE INDEX ix_outbox_claimed_by ON outbox (claimed_by) WHERE claimed_by IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_outbox_claimed_by;
                DROP INDEX IF EXISTS ix_timers_claimed_by;
                DROP INDEX IF EXISTS ix_outbox_pending_due;
                DROP INDEX IF EXISTS ix_timers_due_unclaimed;
                ALTER TABLE outbox DROP COLUMN claimed_by;
                ALTER TABLE timers DROP COLUMN claimed_by;
                DROP TABLE IF EXISTS nodes;
                """);
        }
    }
}
