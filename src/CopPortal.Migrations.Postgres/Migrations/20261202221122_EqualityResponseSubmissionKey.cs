using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EqualityResponseSubmissionKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubmissionKeyHash",
                table: "EqualityMonitoringResponses",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EqualityMonitoringResponses_SubmissionKeyHash",
                table: "EqualityMonitoringResponses",
                column: "SubmissionKeyHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EqualityMonitoringResponses_SubmissionKeyHash",
                table: "EqualityMonitoringResponses");

            migrationBuilder.DropColumn(
                name: "SubmissionKeyHash",
                table: "EqualityMonitoringResponses");
        }
    }
}
