using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountCoachBot.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BudgetKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "StepTicks",
                table: "RateBudgets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ToleranceTicks",
                table: "RateBudgets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "BudgetKey",
                table: "Addresses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StepTicks",
                table: "RateBudgets");

            migrationBuilder.DropColumn(
                name: "ToleranceTicks",
                table: "RateBudgets");

            migrationBuilder.DropColumn(
                name: "BudgetKey",
                table: "Addresses");
        }
    }
}
