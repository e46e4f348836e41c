using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Digests;

/// <summary>The words on the trend chart and in its description.</summary>
internal static class ChartTexts
{
    public static readonly Text OnTimeByWeek = new("Promises kept on time, by week", "Обещания, выполненные в срок, по неделям");
    public static readonly Text OnTimeByMonth = new("Promises kept on time, by month", "Обещания, выполненные в срок, по месяцам");
    public static readonly Text OnTimeAxis = new("% of promises due", "% от обещаний со сроком");
    public static readonly Text ToldInTimeByWeek = new("Moves announced before the due time, by week", "Переносы до наступления срока, по неделям");
    public static readonly Text ToldInTimeByMonth = new("Moves announced before the due time, by month", "Переносы до наступления срока, по месяцам");
    public static readonly Text ToldInTimeAxis = new("% of moved promises", "% от перенесённых обещаний");
    public static readonly Text WeekAxis = new("Week starting", "Неделя, начало");
    public static readonly Text MonthAxis = new("Month", "Месяц");
    public static readonly Text Team = new("Team", "Команда");

    /// <summary>The chart in words, for screen readers and for chats that show no pictures.</summary>
    public static readonly Text AltText = new("Chart: {0}, {1} to {2}. Team in the last period: {3}.",
        "График: {0}, {1} — {2}. Команда за последний период: {3}.");
    public static readonly Text NoData = new("no data", "нет данных");
}
