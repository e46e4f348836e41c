using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountCoachBot.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DigestIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Touches_AccountId_AtUtc",
                table: "Touches");

            migrationBuilder.DropIndex(
                name: "IX_Promises_OwnerId_Status_DueUtc",
                table: "Promises");

            migrationBuilder.DropIndex(
                name: "IX_PromiseEvents_PromiseId",
                table: "PromiseEvents");

            migrationBuilder.CreateIndex(
                name: "IX_Touches_AccountId_AtUtc_Kind",
                table: "Touches",
                columns: new[] { "AccountId", "AtUtc", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Promises_OwnerId_CreatedUtc_DueUtc",
                table: "Promises",
                columns: new[] { "OwnerId", "CreatedUtc", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Promises_OwnerId_Status_DueUtc_Covering",
                table: "Promises",
                columns: new[] { "OwnerId", "Status", "DueUtc", "CreatedUtc", "ClosedUtc", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_PromiseEvents_PromiseId_Kind",
                table: "PromiseEvents",
                columns: new[] { "PromiseId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Touches_AccountId_AtUtc_Kind",
                table: "Touches");

            migrationBuilder.DropIndex(
                name: "IX_Promises_OwnerId_CreatedUtc_DueUtc",
                table: "Promises");

            migrationBuilder.DropIndex(
                name: "IX_Promises_OwnerId_Status_DueUtc_Covering",
                table: "Promises");

            migrationBuilder.DropIndex(
                name: "IX_PromiseEvents_PromiseId_Kind",
                table: "PromiseEvents");

            migrationBuilder.CreateIndex(
                name: "IX_Touches_AccountId_AtUtc",
                table: "Touches",
                columns: new[] { "AccountId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Promises_OwnerId_Status_DueUtc",
                table: "Promises",
                columns: new[] { "OwnerId", "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PromiseEvents_PromiseId",
                table: "PromiseEvents",
                column: "PromiseId");
        }
    }
}
