using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AccountCoachBot.Data.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Transport = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ConversationKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    PayloadJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProcessedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    PayloadJson = table.Column<string>(type: "text", nullable: false),
                    ProcessedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false)
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
