using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ParticipationMeetingPolls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingPolls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    JoinUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatorNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ChosenOptionId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingPolls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingPolls_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingPolls_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingPolls_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingPollOptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingPollOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingPollOptions_MeetingPolls_PollId",
                        column: x => x.PollId,
                        principalTable: "MeetingPolls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingPollAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollOptionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Choice = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingPollAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingPollAnswers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingPollAnswers_MeetingPollOptions_PollOptionId",
                        column: x => x.PollOptionId,
                        principalTable: "MeetingPollOptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPollAnswers_PollOptionId_UserId",
                table: "MeetingPollAnswers",
                columns: new[] { "PollOptionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPollAnswers_UserId",
                table: "MeetingPollAnswers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPollOptions_PollId_StartsAt",
                table: "MeetingPollOptions",
                columns: new[] { "PollId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPolls_CommunityId_ClosesAt",
                table: "MeetingPolls",
                columns: new[] { "CommunityId", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPolls_CreatedById",
                table: "MeetingPolls",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPolls_CreatorNotifiedAt_ClosesAt",
                table: "MeetingPolls",
                columns: new[] { "CreatorNotifiedAt", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPolls_MeetingId",
                table: "MeetingPolls",
                column: "MeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingPollAnswers");

            migrationBuilder.DropTable(
                name: "MeetingPollOptions");

            migrationBuilder.DropTable(
                name: "MeetingPolls");
        }
    }
}
