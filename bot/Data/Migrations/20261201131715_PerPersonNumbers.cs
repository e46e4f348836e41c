using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountCoachBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerPersonNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Promises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LastAccountNumber",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LastMeetingNumber",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LastPromiseNumber",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Rows made before this version: each person's, numbered 1, 2, 3… in the order they were created (by id);
            // each counter starts after the person's highest number. Plain SQL for SQLite and PostgreSQL alike.
            foreach (var (table, counter) in new[] { ("Promises", "LastPromiseNumber"), ("Meetings", "LastMeetingNumber"), ("Accounts", "LastAccountNumber") })
            {
                migrationBuilder.Sql($"""
                    UPDATE "{table}" SET "Number" = (
                        SELECT COUNT(*) FROM "{table}" AS earlier
                        WHERE earlier."OwnerId" = "{table}"."OwnerId" AND earlier."Id" <= "{table}"."Id");
                    """);
                migrationBuilder.Sql($"""
                    UPDATE "People" SET "{counter}" = COALESCE((
                        SELECT MAX(own."Number") FROM "{table}" AS own WHERE own."OwnerId" = "People"."Id"), 0);
                    """);
            }

            migrationBuilder.CreateIndex(
                name: "IX_Promises_OwnerId_Number",
                table: "Promises",
                columns: new[] { "OwnerId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_OwnerId_Number",
                table: "Meetings",
                columns: new[] { "OwnerId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_OwnerId_Number",
                table: "Accounts",
                columns: new[] { "OwnerId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Promises_OwnerId_Number",
                table: "Promises");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_OwnerId_Number",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_OwnerId_Number",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "LastAccountNumber",
                table: "People");

            migrationBuilder.DropColumn(
                name: "LastMeetingNumber",
                table: "People");

            migrationBuilder.DropColumn(
                name: "LastPromiseNumber",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Accounts");
        }
    }
}
