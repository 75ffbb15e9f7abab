using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Engine.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The task link key the engine keeps when none is configured (decision 0024): one row, outside the runtime's model.
    /// </summary>
    [DbContext(typeof(SqliteEngineDbContext))]
    [Migration("20261205130001_TaskLinkKey")]
    public partial class TaskLinkKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE task_link_key (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), key BLOB NOT NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS task_link_key;");
        }
    }
}
