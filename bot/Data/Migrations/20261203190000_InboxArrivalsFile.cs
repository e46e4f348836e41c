using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountCoachBot.Data.Migrations
{
    /// <summary>
    /// SQLite records requests before their ack in a file beside the database now (<see cref="Channels.Inbox.InboxArrivals"/>):
    /// what waits in the arrivals table moves into the inbox as the processor would move it, the inbox's sequence goes
    /// past every id the table gave (the file's ids go on from it), and the table goes.
    /// </summary>
    [DbContext(typeof(CoachDbContext))]
    [Migration("20261203190000_InboxArrivalsFile")]
    public class InboxArrivalsFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WHERE before ON CONFLICT: SQLite would otherwise read ON as a join's ("parsing ambiguity", sqlite.org/lang_upsert.html).
            migrationBuilder.Sql("""
                INSERT INTO "Inbox" ("Id", "Transport", "Key", "Kind", "ConversationKey", "PayloadJson", "Status", "Attempts", "ReceivedUtc")
                SELECT "Id", "Transport", "Key", "Kind", "ConversationKey", "PayloadJson", 0, 0, "ReceivedUtc"
                FROM "InboxArrivals" WHERE true ORDER BY "Id"
                ON CONFLICT ("Key") DO NOTHING;
                """);
            migrationBuilder.Sql("""
                INSERT INTO sqlite_sequence ("name", "seq")
                SELECT 'Inbox', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE "name" = 'Inbox');
                """);
            migrationBuilder.Sql("""
                UPDATE sqlite_sequence
                SET "seq" = MAX("seq", COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = 'InboxArrivals'), 0))
                WHERE "name" = 'Inbox';
                """);
            migrationBuilder.Sql("""DROP TABLE "InboxArrivals";""");
            migrationBuilder.Sql("""DELETE FROM sqlite_sequence WHERE "name" = 'InboxArrivals';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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
    }
}
