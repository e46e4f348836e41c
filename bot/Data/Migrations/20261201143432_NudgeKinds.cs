using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountCoachBot.Data.Migrations
{
    /// <summary>
    /// Outbox kinds get their own vocabulary (`nudge.promise.due`), apart from button ids (`promise.done`). Kinds are
    /// stored in the outbox rows and at the start of the dedupe keys built from them (and a call bundle's key is kept
    /// on each account it carries), so those are renamed in place: a pending nudge still sends once, and planning
    /// it again finds its key instead of writing a second row. Call nudges keyed by their cycle (`call:…`) keep their keys.
    /// </summary>
    public partial class NudgeKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE Outbox SET Kind = 'nudge.' || Kind
                WHERE substr(Kind, 1, 8) = 'promise.' OR substr(Kind, 1, 8) = 'meeting.' OR substr(Kind, 1, 5) = 'call.';
                UPDATE Outbox SET DedupeKey = 'nudge.' || DedupeKey
                WHERE substr(DedupeKey, 1, 8) = 'promise.' OR substr(DedupeKey, 1, 8) = 'meeting.' OR substr(DedupeKey, 1, 5) = 'call.';
                UPDATE AccountCadences SET AnnouncedByKey = 'nudge.' || AnnouncedByKey WHERE substr(AnnouncedByKey, 1, 5) = 'call.';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE Outbox SET Kind = substr(Kind, 7) WHERE substr(Kind, 1, 6) = 'nudge.';
                UPDATE Outbox SET DedupeKey = substr(DedupeKey, 7) WHERE substr(DedupeKey, 1, 6) = 'nudge.';
                UPDATE AccountCadences SET AnnouncedByKey = substr(AnnouncedByKey, 7) WHERE substr(AnnouncedByKey, 1, 6) = 'nudge.';
                """);
        }
    }
}
