using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountCoachBot.Data.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ToleranceTicks",
                table: "RateBudgets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "BudgetKey",
                table: "Addresses",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <summary>
        /// SQLite's own DROP COLUMN (3.35 and later): EF Core would rebuild each table from the previous migration's
        /// model, and that migration (<see cref="InboxArrivalsFile"/>) is written by hand, without one.
        /// </summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "RateBudgets" DROP COLUMN "StepTicks";""");
            migrationBuilder.Sql("""ALTER TABLE "RateBudgets" DROP COLUMN "ToleranceTicks";""");
            migrationBuilder.Sql("""ALTER TABLE "Addresses" DROP COLUMN "BudgetKey";""");
        }
    }
}
