using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountCoachBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class DigestMovesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PromiseEvents_Kind_OldDueUtc_PromiseId_AtUtc",
                table: "PromiseEvents",
                columns: new[] { "Kind", "OldDueUtc", "PromiseId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PromiseEvents_Kind_OldDueUtc_PromiseId_AtUtc",
                table: "PromiseEvents");
        }
    }
}
