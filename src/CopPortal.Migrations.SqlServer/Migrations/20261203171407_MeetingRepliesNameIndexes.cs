using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MeetingRepliesNameIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MeetingResponses_MeetingId_Answer",
                table: "MeetingResponses",
                columns: new[] { "MeetingId", "Answer" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Id_DisplayName",
                table: "AspNetUsers",
                columns: new[] { "Id", "DisplayName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MeetingResponses_MeetingId_Answer",
                table: "MeetingResponses");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_Id_DisplayName",
                table: "AspNetUsers");
        }
    }
}
