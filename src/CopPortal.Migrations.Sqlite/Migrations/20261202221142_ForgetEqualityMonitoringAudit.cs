using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Data only: removes the audit entries earlier versions wrote for equality monitoring responses, which named
    /// the person who answered beside every answer. Entries are identified by the entity type the audit trail
    /// recorded (the class name). The entity is no longer audited (IKeptApartFromAudit), so none are written again.
    /// </summary>
    public partial class ForgetEqualityMonitoringAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "AuditEntries" WHERE "EntityType" = 'EqualityMonitoringResponse';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to restore: the removed entries must not come back.
        }
    }
}
