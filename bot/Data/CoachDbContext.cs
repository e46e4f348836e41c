using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Data;

/// <summary>
/// The app's data. SQLite uses this type (migrations in Data/Migrations); PostgreSQL uses <see cref="Postgres.PostgresCoachDbContext"/>,
/// the same model with migrations of its own, as EF Core keeps one migration set per provider.
/// </summary>
public class CoachDbContext : DbContext
{
    public CoachDbContext(DbContextOptions<CoachDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's own subclass, whose options are typed to it.</summary>
    protected CoachDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Person> People => Set<Person>();
    public DbSet<ChannelIdentity> ChannelIdentities => Set<ChannelIdentity>();
    public DbSet<ConversationAddress> Addresses => Set<ConversationAddress>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Promise> Promises => Set<Promise>();
    public DbSet<PromiseEvent> PromiseEvents => Set<PromiseEvent>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ProcessedDelivery> ProcessedDeliveries => Set<ProcessedDelivery>();
    public DbSet<InboxItem> Inbox => Set<InboxItem>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        // Later features keep their entity mapping in their own folder (IEntityTypeConfiguration<T>).
        model.ApplyConfigurationsFromAssembly(typeof(CoachDbContext).Assembly);

        model.Entity<Person>(e =>
        {
            e.Property(p => p.DisplayName).HasMaxLength(200);
            e.Property(p => p.TimeZoneId).HasMaxLength(100);
            e.Property(p => p.Email).HasMaxLength(320);
            e.Property(p => p.LinkCode).HasMaxLength(20);
            e.HasIndex(p => p.Email);
            e.HasIndex(p => p.LinkCode);
            e.HasMany(p => p.Identities).WithOne(i => i.Person).HasForeignKey(i => i.PersonId);
        });
        model.Entity<ChannelIdentity>(e =>
        {
            e.Property(i => i.Channel).HasMaxLength(50);
            e.Property(i => i.ExternalId).HasMaxLength(300);
            e.HasIndex(i => new { i.Channel, i.ExternalId }).IsUnique();
        });
        model.Entity<ConversationAddress>(e =>
        {
            e.Property(a => a.Transport).HasMaxLength(50);
            e.Property(a => a.Key).HasMaxLength(500);
            e.Property(a => a.BudgetKey).HasMaxLength(200);
            e.HasIndex(a => new { a.Transport, a.Key }).IsUnique();
            e.HasIndex(a => a.PersonId);
            e.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
        });
        model.Entity<Account>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.NormalizedName).HasMaxLength(200);
            e.Property(a => a.LostReason).HasMaxLength(500);
            e.HasIndex(a => new { a.OwnerId, a.NormalizedName }).IsUnique();
            e.HasIndex(a => new { a.OwnerId, a.Number }).IsUnique();
            e.HasOne<Person>().WithMany().HasForeignKey(a => a.OwnerId);
        });
        model.Entity<Promise>(e =>
        {
            e.Property(p => p.What).HasMaxLength(1000);
            e.Property(p => p.TimeZoneId).HasMaxLength(100);
            // The digest reads a team's promises from these two alone (they cover what it reads): due in its trend,
            // or made in it. The first is also how reminders find open promises.
            e.HasIndex(p => new { p.OwnerId, p.Status, p.DueUtc, p.CreatedUtc, p.ClosedUtc, p.AccountId }).HasDatabaseName("IX_Promises_OwnerId_Status_DueUtc_Covering");
            e.HasIndex(p => new { p.OwnerId, p.CreatedUtc, p.DueUtc });
            e.HasIndex(p => new { p.OwnerId, p.Number }).IsUnique();
            e.HasOne(p => p.Account).WithMany().HasForeignKey(p => p.AccountId);
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.OwnerId);
            e.HasMany(p => p.History).WithOne().HasForeignKey(h => h.PromiseId);
        });
        // A promise's moves found without reading its other events (the digest looks at thousands of promises).
        model.Entity<PromiseEvent>(e =>
        {
            e.HasIndex(h => new { h.PromiseId, h.Kind });
            // The digest's moves by the due time they left (PromiseCounting): a trend's moved deadlines without looking
            // at each promise of the trend.
            e.HasIndex(h => new { h.Kind, h.OldDueUtc, h.PromiseId, h.AtUtc });
        });
        model.Entity<OutboxMessage>(e =>
        {
            e.Property(o => o.Kind).HasMaxLength(100);
            e.Property(o => o.Transport).HasMaxLength(50);
            e.Property(o => o.DedupeKey).HasMaxLength(300);
            e.HasIndex(o => o.DedupeKey).IsUnique();
            e.HasIndex(o => new { o.Status, o.Transport, o.DueUtc });
        });
        model.Entity<InboxItem>(e =>
        {
            e.ToTable("Inbox");
            e.Property(i => i.Transport).HasMaxLength(50);
            e.Property(i => i.Key).HasMaxLength(300);
            e.Property(i => i.Kind).HasMaxLength(50);
            e.Property(i => i.ConversationKey).HasMaxLength(400);
            e.Property(i => i.ClaimedBy).HasMaxLength(200);
            e.Ignore(i => i.Lane);
            e.HasIndex(i => i.Key).IsUnique();
            e.HasIndex(i => new { i.Status, i.ReceivedUtc });
            e.HasIndex(i => new { i.ConversationKey, i.Status, i.Id });
        });
        model.Entity<ProcessedDelivery>(e =>
        {
            e.HasKey(d => d.Key);
            e.Property(d => d.Key).HasMaxLength(400);
        });
    }

    /// <summary>New promises, meetings and accounts get their owner's next own number as they are saved (<see cref="OwnNumbers"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await OwnNumbers.NumberNewRowsAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        OwnNumbers.NumberNewRowsAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Everything is stored in UTC; reading it back as Kind=Utc keeps zone conversions honest.
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<DateTime?>().HaveConversion<UtcNullableDateTimeConverter>();
    }
}
