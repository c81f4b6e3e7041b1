namespace PmfBot.Cards;

/// <summary>The Action.Execute verbs PmfBot's cards send, in one place.</summary>
public static class Verbs
{
    public const string Help = "help";
    public const string MyMeasures = "myMeasures";
    public const string WhatsDue = "whatsDue";

    /// <summary>Shows the prompt card for one measure's period (data: measure, period).</summary>
    public const string OpenUpdate = "openUpdate";

    /// <summary>Submits a figure (data: measure, period; inputs or data: value, commentary, actionNote).</summary>
    public const string SubmitUpdate = "submitUpdate";

    /// <summary>Asks for a later deadline (data: measure, period; inputs: newDeadline, reason).</summary>
    public const string RequestExtension = "requestExtension";

    /// <summary>
    /// Approves or refuses an extension request (data: measure, period, extension, decision; input: decisionNote).
    /// </summary>
    public const string DecideExtension = "decideExtension";

    /// <summary>
    /// Submits an activity's quarterly progress (data: activity, period; inputs: status, percentComplete, commentary,
    /// actionNote).
    /// </summary>
    public const string SubmitPlanActivity = "submitActivity";

    /// <summary>Shows an activity's progress card for a quarter (data: activity, period).</summary>
    public const string OpenPlanActivity = "openActivity";

    /// <summary>
    /// Shows an escalation: the decision view for a decider of an open one, its state for anyone else (data: measure,
    /// period). Also the card's refresh.
    /// </summary>
    public const string OpenEscalation = "openEscalation";

    /// <summary>Decides an escalation (data: measure, period, decision; inputs: decisionNote, decisionUntil).</summary>
    public const string DecideEscalation = "decideEscalation";

    /// <summary>
    /// The owner answers the escalation owner's question (data: measure, period, question; input: answer).
    /// </summary>
    public const string AnswerEscalation = "answerEscalation";

    /// <summary>Closes a decided escalation whose review date has come (data: measure, period).</summary>
    public const string CloseEscalation = "closeEscalation";

    /// <summary>
    /// Shows a scorecard (data: scope, a scope key such as "service|waste" or "council"; or measure).
    /// </summary>
    public const string ShowScorecard = "showScorecard";

    /// <summary>One measure's card, chosen from several a question's words fit (data: measure).</summary>
    public const string ShowMeasure = "showMeasure";

    /// <summary>
    /// Subscribes the channel to a scope's digest, after the bot asked which was meant (data: scope, day, time).
    /// </summary>
    public const string Subscribe = "subscribe";
}
