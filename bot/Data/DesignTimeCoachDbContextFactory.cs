using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AccountCoachBot.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the bot.</summary>
internal sealed class DesignTimeCoachDbContextFactory : IDesignTimeDbContextFactory<CoachDbContext>
{
    public CoachDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CoachDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
