using AccountCoachBot.Features.People;

namespace AccountCoachBot.Cli.Demo;

/// <summary>One demo person: name, placeholder email, zone, language, and how reliably they keep promises (0..1).</summary>
public sealed record DemoPersonSpec(string Name, string Email, string TimeZoneId, Language Language, double Discipline);

/// <summary>The demo organisation's words: people, client companies, what gets promised and why dates move.</summary>
public static class DemoNames
{
    public const string TeamName = "Key Accounts North";

    public static readonly DemoPersonSpec Lead = new("Anna Carter", "anna@demo.example", "Europe/London", Language.En, 0.9);

    // Discipline spreads the team out, so the digest has a star, a solid middle and someone who needs coaching.
    public static readonly DemoPersonSpec[] Members =
    [
        new("Maya Patel", "maya@demo.example", "Europe/London", Language.En, 0.92),
        new("Tom Whitaker", "tom@demo.example", "Europe/London", Language.En, 0.55),
        new("Sofia Reyes", "sofia@demo.example", "America/New_York", Language.En, 0.8),
        new("Daniel Novak", "daniel@demo.example", "Europe/Berlin", Language.En, 0.7),
        new("Irina Volkova", "irina@demo.example", "Europe/Berlin", Language.Ru, 0.85),
    ];

    public static readonly string[] Companies =
    [
        "Northwind Logistics", "Harbor Freight Partners", "Bluestone Capital", "Crescent Foods", "Evergreen Health",
        "Redwood Analytics", "Summit Retail Group", "Ironbridge Manufacturing", "Lakeside Insurance", "Meridian Travel",
        "Oakridge Utilities", "Pinnacle Media", "Riverside Hospitals", "Silverline Telecom", "Westbrook Bank",
        "Brightwater Energy", "Cobalt Software", "Drummond & Hale", "Fairview Property", "Granite Construction",
        "Highland Breweries", "Juniper Pharmacy", "Kingsway Motors", "Larkspur Fashion", "Marlow Publishing",
        "Newhaven Shipping", "Orchard Farms", "Portland Textiles", "Quayside Hotels", "Rosewood Furniture",
        "Sterling Legal", "Thornbury Schools", "Union Street Dental", "Vantage Security", "Whitfield Chemicals",
        "Yardley Home", "Ashford Aviation", "Beacon Pet Care", "Clearwater Labs", "Dalton Sports",
    ];

    public static readonly string[] ContactNames =
    [
        "James Miller", "Emily Clarke", "Oliver Bennett", "Charlotte Hughes", "George Wright", "Lucy Turner",
        "Henry Walsh", "Grace Morgan", "Samuel Price", "Hannah Cooper", "Jack Foster", "Olivia Reed",
    ];

    public static readonly string[] ContactRoles =
    [
        "CFO, wants predictable costs", "head of operations, judged on uptime", "procurement lead, measured on savings",
        "CEO, cares about the board's view", "IT director, short of people", "marketing director, launching in spring",
    ];

    public static readonly string[] PromiseTexts =
    [
        "send the revised proposal", "share the Q3 usage report", "send the signed contract", "set up a call with our engineer",
        "send pricing for the extra seats", "confirm the delivery date", "send the case study they asked for",
        "check the invoice discrepancy", "send the onboarding plan", "book the quarterly review",
        "send the renewal quote", "answer the security questionnaire", "introduce our support lead",
        "send the training schedule", "share the roadmap slides", "fix the billing contact",
    ];

    public static readonly string[] MoveReasons =
    [
        "waiting for legal to sign off", "their CFO is away this week", "our engineer is off sick",
        "the client asked to wait for their board meeting", "pricing needs approval from finance",
        "the data export failed and we are rerunning it", "they changed the scope on the call",
    ];

    public static readonly string[] CancelReasons =
    [
        "the client no longer needs it", "they chose to do it in-house", "superseded by the new proposal",
        "the project was put on hold",
    ];

    public static readonly string[] CallNotes =
    [
        "checked in, all fine", "talked about the renewal", "they are happy with support", "raised a concern about pricing",
        "new contact in procurement", "discussed expansion to a second site", "quick catch-up, nothing new",
        "they asked about the roadmap", "complained about a late delivery", "planning next quarter's volumes",
    ];

    public static readonly string[] LostReasons =
    [
        "went with a cheaper competitor after the budget cut", "acquired, the new owner has a group-wide supplier",
    ];

    public static readonly string[] KudosTexts =
    [
        "thanks for covering my call with Bluestone", "great prep notes for the Summit meeting, I reused them",
        "you saved the Crescent renewal", "thanks for the pricing template", "brilliant demo for Cobalt",
        "thanks for the intro to their procurement lead", "you kept every promise this month, impressive",
        "thanks for jumping in when I was sick",
    ];

    public static readonly string[] PrepAnswers =
    [
        "agree the renewal terms and ask for a case study", "pricing, roadmap, their open support tickets",
        "they may push back on the price rise", "their new CFO joins the call",
    ];

    public static readonly string[] DebriefAnswers =
    [
        "promised to send the revised quote by Friday", "we ran over time and skipped the roadmap",
        "their CFO wants numbers, not slides", "bring the engineer next time",
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
