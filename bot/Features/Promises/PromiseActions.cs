namespace AccountCoachBot.Features.Promises;

/// <summary>Action ids of promise buttons, and the payload keys they carry.</summary>
public static class PromiseActions
{
    public const string Create = "promise.create";
    public const string Done = "promise.done";
    public const string OnTrack = "promise.ontrack";
    public const string Move = "promise.move";
    public const string Redate = "promise.redate";
    public const string Edit = "promise.edit";
    public const string Snooze = "promise.snooze";
    public const string Cancel = "promise.cancel";
    public const string Why = Coaching.CoachingCommands.WhyAction;

    /// <summary>The ids this slice owns (Why is coaching's).</summary>
    public static readonly IReadOnlyList<string> Owned = [Create, Done, OnTrack, Move, Redate, Edit, Snooze, Cancel];

    public const string IdKey = "promiseId";
    public const string DueKey = "due";
    public const string ReasonKey = "reason";
    public const string WhatKey = "what";
    public const string AccountKey = "account";
    public const string ContactKey = "contact";
    public const string ConfirmKey = "confirm";
    public const string PrincipleKey = "principle";

    /// <summary>The tenet behind every promise reminder.</summary>
    public const string KeepYourWord = Coaching.PrincipleIds.AlwaysDoWhatYouSay;
}
