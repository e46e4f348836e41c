using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountCoachBot.Data.Migrations
{
    /// <summary>
    /// SQLite's table of requests recorded before their ack (until <see cref="InboxArrivalsFile"/>): outside the
    /// model, as only SQLite has it. Its ids go on from the inbox's, which they become. No target model (the
    /// .Designer.cs EF Core writes): the model does not change, and raw SQL needs none.
    /// </summary>
    [DbContext(typeof(CoachDbContext))]
    [Migration("20261203152000_InboxArrivals")]
    public class InboxArrivals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "InboxArrivals" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_InboxArrivals" PRIMARY KEY AUTOINCREMENT,
                    "Transport" TEXT NOT NULL,
                    "Key" TEXT NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "ConversationKey" TEXT NULL,
                    "PayloadJson" TEXT NOT NULL,
                    "ReceivedUtc" TEXT NOT NULL
                );
                """);
            migrationBuilder.Sql("""
                INSERT INTO sqlite_sequence ("name", "seq")
                SELECT 'InboxArrivals', COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = 'Inbox'), 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO "Inbox" ("Id", "Transport", "Key", "Kind", "ConversationKey", "PayloadJson", "Status", "Attempts", "ReceivedUtc")
                SELECT "Id", "Transport", "Key", "Kind", "ConversationKey", "PayloadJson", 0, 0, "ReceivedUtc"
                FROM "InboxArrivals" WHERE true ORDER BY "Id"
                ON CONFLICT ("Key") DO NOTHING;
                """);
            migrationBuilder.Sql("""DROP TABLE "InboxArrivals";""");
        }
    }
}
