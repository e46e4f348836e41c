using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountCoachBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class BotFrameworkInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Inbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Transport = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_ConversationKey_Status_Id",
                table: "Inbox",
                columns: new[] { "ConversationKey", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_Key",
                table: "Inbox",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_Status_ReceivedUtc",
                table: "Inbox",
                columns: new[] { "Status", "ReceivedUtc" });

            // Slack's requests, acked but perhaps not yet handled, move with their table.
            migrationBuilder.Sql("""
                INSERT INTO "Inbox" ("Transport", "Key", "Kind", "PayloadJson", "Status", "Attempts", "ReceivedUtc", "ProcessedUtc", "LastError")
                SELECT 'slack', "Key", "Kind", "PayloadJson", "Status", "Attempts", "ReceivedUtc", "ProcessedUtc", "LastError" FROM "SlackInbox" ORDER BY "Id"
                """);

            migrationBuilder.DropTable(
                name: "SlackInbox");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Inbox");

            migrationBuilder.CreateTable(
                name: "SlackInbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlackInbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SlackInbox_Key",
                table: "SlackInbox",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlackInbox_Status_ReceivedUtc",
                table: "SlackInbox",
                columns: new[] { "Status", "ReceivedUtc" });
        }
    }
}
