using AccountCoachBot.Tests.Channels.Inbox;
using AccountCoachBot.Tests.Conversation;
using AccountCoachBot.Tests.Features.Digests;
using AccountCoachBot.Tests.Features.People;
using AccountCoachBot.Tests.Features.ProactiveCalls;
using AccountCoachBot.Tests.Features.Promises;
using AccountCoachBot.Tests.Features.Teams;
using AccountCoachBot.Tests.Infrastructure;
using AccountCoachBot.Tests.Scheduling;

namespace AccountCoachBot.Tests.Data.Postgres;

// The store, outbox, dispatcher and digest tests again on PostgreSQL: each class inherits every test of its SQLite
// original and runs it on a throwaway database of its own (COACH_TEST_POSTGRES; skipped without it, except in CI).

[OnPostgres]
public sealed class NudgeDispatcherPostgresTests(PostgresDatabase postgres) : NudgeDispatcherTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class NudgeDispatcherPacingPostgresTests(PostgresDatabase postgres) : NudgeDispatcherPacingTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class NudgeDispatcherTransportPostgresTests(PostgresDatabase postgres) : NudgeDispatcherTransportTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class HousekeepingPostgresTests(PostgresDatabase postgres) : HousekeepingTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class TurnPipelinePostgresTests(PostgresDatabase postgres) : TurnPipelineTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class PromiseFlowPostgresTests(PostgresDatabase postgres) : PromiseFlowTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class OwnNumbersPostgresTests(PostgresDatabase postgres) : OwnNumbersTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class UndoPostgresTests(PostgresDatabase postgres) : UndoTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class DigestFiguresPostgresTests(PostgresDatabase postgres) : DigestFiguresTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class DigestCommandsPostgresTests(PostgresDatabase postgres) : DigestCommandsTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class TeamDigestCommandsPostgresTests(PostgresDatabase postgres) : TeamDigestCommandsTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class CallPlannerPostgresTests(PostgresDatabase postgres) : CallPlannerTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class TeamCommandsPostgresTests(PostgresDatabase postgres) : TeamCommandsTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class SharedBudgetPostgresTests(PostgresDatabase postgres) : SharedBudgetTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class InboxClaimsPostgresTests(PostgresDatabase postgres) : AccountCoachBot.Tests.Channels.Inbox.InboxClaimsTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class DigestReadsPostgresTests(PostgresDatabase postgres) : DigestReadsTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class DigestReadersPostgresTests(PostgresDatabase postgres) : DigestReadersTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class PromiseCountingPostgresTests(PostgresDatabase postgres) : PromiseCountingTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class DispatchBatchPostgresTests(PostgresDatabase postgres) : DispatchBatchTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class OutboxInsertsPostgresTests(PostgresDatabase postgres) : OutboxInsertsTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class ConversationPacingPostgresTests(PostgresDatabase postgres) : ConversationPacingTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class InboxInsertsPostgresTests(PostgresDatabase postgres) : InboxInsertsTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}

[OnPostgres]
public sealed class OutboxClaimsPostgresTests(PostgresDatabase postgres) : OutboxClaimsTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}
