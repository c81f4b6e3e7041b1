using PmfBot.Cards.Charts;
using PmfBot.Cards.Digests;
using PmfBot.Cards.Escalations;
using PmfBot.Cards.Extensions;
using PmfBot.Cards.Model;
using PmfBot.Cards.Onboarding;
using PmfBot.Cards.PlanActivities;
using PmfBot.Cards.Questions;
using PmfBot.Cards.Reports;
using PmfBot.Cards.Scorecards;
using PmfBot.Cards.Updates;

namespace PmfBot.Cards.Tests;

/// <summary>Every card the bot can send, filled in as the demo council would fill it.</summary>
public static class CardGallery
{
    public static IReadOnlyDictionary<string, AdaptiveCard> All { get; } = new Dictionary<string, AdaptiveCard>
    {
        ["welcome-personal"] = WelcomeCard.Build(new WelcomeView("Northmere District Council", "Priya Shah", 3, IsChannel: false)),
        ["welcome-personal-unknown"] = WelcomeCard.Build(new WelcomeView("Northmere District Council", null, 0, IsChannel: false)),
        ["welcome-channel"] = WelcomeCard.Build(new WelcomeView("Northmere District Council", null, 0, IsChannel: true, "Management")),
        ["help-personal"] = HelpCard.Build(isChannel: false),
        ["help-channel"] = HelpCard.Build(isChannel: true),
        ["apology"] = ApologyCard.Build("4bf92f3577b34da6a3ce929d0e0e4736"),
        ["my-measures"] = MyMeasuresCard.Build(new MyMeasuresView("Priya Shah",
        [
            new MeasureLine("CS 01", "Stage 1 complaints answered within 10 working days", "91.4% for Sep 2026", "Green", "worse than Aug 2026 (92.8%)", "Oct 2026 due by 10 Nov 2026 — overdue", true),
            new MeasureLine("CS 02", "Calls answered within 5 minutes", "73.7% for Sep 2026", "Red", "better than Aug 2026 (72.9%)", "Oct 2026 due by 10 Nov 2026 — overdue", true),
            new MeasureLine("FI 01", "Undisputed invoices paid within 30 days (delegate)", "96.5% for Oct 2026", "Green", "about the same as Sep 2026 (96.3%)", "Nov 2026 due by 10 Dec 2026", false),
            new MeasureLine("HS 01", "Households in temporary accommodation [no *target*]", null, null, null, "Q2 2026/27 due by 10 Oct 2026 — overdue", true),
        ])),
        ["my-measures-none"] = MyMeasuresCard.Build(new MyMeasuresView("Daniel Okoro", [])),
        ["update-prompt"] = UpdatePromptCard.Build(Cs02Prompt),
        ["update-prompt-no-target"] = UpdatePromptCard.Build(Cs02Prompt with
        {
            Reference = "HS 01",
            Title = "Households in temporary accommodation",
            Period = "Q2 2026/27",
            Headline = "Overdue: your Q2 2026/27 update was due 5 days ago",
            IsOverdue = true,
            Target = null,
            Recent = [new PastFigure("Q1 2026/27", "64", null)],
            Direction = null,
            ValueLabel = "Q2 2026/27 figure (number)",
            Max = null,
            ActionNoteRule = null,
        }),
        ["update-prompt-needs-fixing"] = UpdatePromptCard.Build(Cs02Prompt with
        {
            Headline = "Your Oct 2026 update",
            Entry = new UpdateEntry(73.7m, "Queue times up after the *phone* system change.", null),
            Problems = new UpdateProblems([], [], ["Below target (80.0%): an action note is required."]),
        }),
        ["update-prompt-not-saved"] = UpdatePromptCard.Build(Cs02Prompt with
        {
            Headline = "Your Oct 2026 update",
            Entry = new UpdateEntry(73.7m, "Queue times up after the phone system change.", "Two temporary advisers from Monday."),
            NotSaved = "Not saved: PmfBot can't reach its storage just now. Your entry is still here; press Submit update again in a minute.",
        }),
        ["update-recorded"] = UpdateRecordedCard.Build(Cs02Recorded),
        ["update-already-recorded"] = UpdateRecordedCard.Build(Cs02Recorded with { Notice = "This was already recorded at 10:42 on 9 Nov 2026 by Priya Shah; nothing was changed." }),
        ["whats-due"] = WhatsDueCard.Build(new DueListView("What's due (2)", "Your open updates, oldest deadline first.",
        [
            new DueLine("HR 01", "Working days lost to sickness per FTE, rolling 12 months", "Q2 2026/27", "due by 12 Oct 2026 — 26 days overdue", true, new Dictionary<string, string> { ["measure"] = "HR 01", ["period"] = "FY2026-Q2" }),
            new DueLine("CS 02", "Calls answered within 5 minutes", "Oct 2026", "due by 10 Nov 2026", false, new Dictionary<string, string> { ["measure"] = "CS 02", ["period"] = "FY2026-M07" }),
        ], "Update now", Verbs.OpenUpdate)),
        ["which-measure"] = WhatsDueCard.Build(new DueListView("Which measure is 91.5 for?", "You have more than one update open. Pick the one this figure belongs to.",
        [
            new DueLine("CS 01", "Stage 1 complaints answered within 10 working days", "Oct 2026", "due by 10 Nov 2026", false,
                new Dictionary<string, string> { ["measure"] = "CS 01", ["period"] = "FY2026-M07", ["value"] = "91.5", ["commentary"] = "steady month", ["actionNote"] = "" }),
        ], "Record 91.5 here", Verbs.SubmitUpdate)),
        ["overdue-chase"] = OverdueChaseCard.Build(new OverdueChaseView("HR 01", "Working days lost to sickness per FTE, rolling 12 months", "Q2 2026/27", "HR", "Priya Shah", "7 days overdue (due by 12 Oct 2026)")),
        ["owner-left"] = OwnerLeftCard.Build(new OwnerLeftView(
            "RB 03", "Council Tax collected (year to date)", "Nov 2026", "figure", "Sam O'Neil", "Due by 10 Dec 2026")),
        ["overdue-chase-line-manager"] = OverdueChaseCard.Build(new OverdueChaseView("FI 01", "Undisputed invoices paid within 30 days", "Oct 2026", "Finance", "Fiona Grant", "7 days overdue (due by 10 Nov 2026)", "As Fiona Grant's line manager")),
        ["activity-prompt"] = PlanActivityPromptCard.Build(FoiAuditPrompt),
        ["activity-prompt-needs-fixing"] = PlanActivityPromptCard.Build(FoiAuditPrompt with
        {
            Entry = new PlanActivityEntry("AtRisk", "30", "Two trainers off sick.", null),
            Problems = new PlanActivityInputProblems(
                [], [], [], ["At risk: an action note is required — what is being done to recover it?"]),
        }),
        ["activity-recorded"] = PlanActivityRecordedCard.Build(new PlanActivityRecordedView(
            "Act on the internal audit of FOI handling", "Q2 2026/27", "On track", "Good", "55%",
            "Training half done.", null, "Priya Shah", "09:40 on 7 Nov 2026",
            "Next report: Q3 2026/27, due by Sunday 10 January 2027. I'll send a card when the quarter ends.")),
        ["extension-request-form"] = ExtensionRequestCard.Build(new ExtensionRequestView("CS 02", "Calls answered within 5 minutes", "Oct 2026", "Tuesday 10 November 2026", "2026-11-11", "2027-01-09", "Helen Price",
            new Dictionary<string, string> { ["measure"] = "CS 02", ["period"] = "FY2026-M07" }, "2026-11-13", null, ["Give a reason below: extensions are agreed on it."])),
        ["extension-to-decide"] = ExtensionCard.Build(Cs02Extension),
        ["extension-requested"] = ExtensionCard.Build(Cs02Extension with
        {
            Headline = "Extension requested: waiting for a decision",
            DecideData = null,
            Notice = "Sent to Helen Price. I'll tell you as soon as it is decided; until then your deadline stays Tuesday 10 November 2026.",
        }),
        ["extension-approved"] = ExtensionCard.Build(Cs02Extension with
        {
            Headline = "Extension approved",
            DecideData = null,
            Approved = true,
            Decision = "Approved by Helen Price at 10:02 on 9 Nov 2026. The deadline is now Friday 13 November 2026. Note: Agreed, this once.",
        }),
        ["extension-refused"] = ExtensionCard.Build(Cs02Extension with
        {
            Headline = "Extension refused",
            DecideData = null,
            Approved = false,
            Decision = "Refused by Helen Price at 10:02 on 9 Nov 2026. The deadline stays Tuesday 10 November 2026. Note: The October figure is needed for Cabinet.",
        }),
        ["escalation-sent"] = EscalationCard.Build(Cs02Escalation with { OpenData = EscalationData, Refresh = ["29:priya-shah"] }),
        ["escalation-to-decide"] = EscalationCard.Build(Cs02Escalation with { DecideData = EscalationData }),
        ["escalation-to-decide-invalid"] = EscalationCard.Build(Cs02Escalation with
        {
            DecideData = EscalationData,
            Problems = ["Give a reason for stopping it: it goes on record."],
            Entry = new DecisionEntry(null, "2027-01-15"),
        }),
        ["escalation-asked"] = EscalationCard.Build(Cs02Escalation with
        {
            OpenData = EscalationData,
            Thread = [new ThreadLine("Priya Shah, 10:05 on 9 Nov 2026", "Asked: How long will the agency advisers take to train?")],
            Waiting = "Open: waiting for Priya Shah's answer to Priya Shah's question",
        }),
        ["escalation-decided"] = EscalationCard.Build(Cs02Escalation with
        {
            Headline = "Decided: remedial action approved",
            Thread =
            [
                new ThreadLine("Priya Shah, 10:05 on 9 Nov 2026", "Asked: How long will the agency advisers take to train?"),
                new ThreadLine("Priya Shah, 11:20 on 9 Nov 2026", "Answered: Two weeks: they start on 16 November."),
                new ThreadLine("Priya Shah, 11:31 on 9 Nov 2026", "Remedial action approved. Agreed. Review on 15 Jan 2027."),
            ],
            Outcome = "Remedial action approved by Priya Shah at 11:31 on 9 Nov 2026. Agreed. Review on 15 Jan 2027.",
            Settled = true,
            Waiting = null,
        }),
        ["escalation-reopened"] = EscalationCard.Build(Cs02Escalation with
        {
            Headline = "Escalated to you again: CS 02 Oct 2026 is off track after a correction",
            Thread =
            [
                new ThreadLine(
                    "Priya Shah, 11:31 on 9 Nov 2026",
                    "Remedial action approved. Agency cover. Review on 15 Jan 2027."),
                new ThreadLine(
                    "PmfBot, 14:02 on 12 Nov 2026",
                    "Closed: CS 02 is back within tolerance: Oct 2026 was 81.2% (Green)."),
                new ThreadLine("PmfBot, 10:15 on 16 Nov 2026", "Reopened: a correction put it off track again."),
            ],
            OpenData = EscalationData,
        }),
        ["escalation-rejudged"] = EscalationCard.Build(Cs02Escalation with
        {
            Headline = "Now Red: CS 02 Oct 2026 (escalated as amber and worsening)",
            Thread =
            [
                new ThreadLine(
                    "PmfBot, 10:15 on 16 Nov 2026", "Re-judged after a correction: Red (was Amber and worsening)."),
            ],
            OpenData = EscalationData,
        }),
        ["escalation-review"] = EscalationCard.Build(Cs02Escalation with
        {
            Headline = "Review due: CS 02 (remedial action approved)",
            Outcome = "Remedial action approved by Priya Shah at 11:31 on 9 Nov 2026. Review on 15 Jan 2027.",
            Settled = true,
            Waiting = null,
            CloseData = EscalationData,
        }),
        ["escalation-question"] = EscalationQuestionCard.Build(new EscalationQuestionView(
            "CS 02", "Calls answered within 5 minutes", "Oct 2026", "61.5% (Red)", "Priya Shah asked at 10:05 on 9 Nov 2026", "How long will the agency advisers take to train?",
            new Dictionary<string, string> { ["measure"] = "CS 02", ["period"] = "FY2026-M07", ["question"] = "1" })),
        ["escalation-question-answered"] = EscalationQuestionCard.Build(new EscalationQuestionView(
            "CS 02", "Calls answered within 5 minutes", "Oct 2026", "61.5% (Red)", "Priya Shah asked at 10:05 on 9 Nov 2026", "How long will the agency advisers take to train?",
            null, "You answered at 11:20 on 9 Nov 2026: Two weeks: they start on 16 November.", "Sent to Priya Shah.")),
        ["my-escalations"] = EscalationListCard.Build(new EscalationListView(
            "Your escalations (2)",
            "Open and decided escalations you decide, or on measures you own. Those waiting on you come first.",
            [
                new EscalationLine("CS 02", "Oct 2026", "Open: waiting 3 days for Priya Shah's decision", "Red; raised 09:00 on 7 Nov 2026. Owner Priya Shah, escalation owner Priya Shah.", false, EscalationData),
                new EscalationLine("HR 01", "Q2 2026/27", "Remedial action approved by Priya Shah at 11:31 on 9 Nov 2026.", "Update overdue; raised 09:00 on 7 Nov 2026. Owner Priya Shah, escalation owner Priya Shah.", true,
                    new Dictionary<string, string> { ["measure"] = "HR 01", ["period"] = "FY2026-Q2" }),
            ])),
        ["digest"] = DigestCard.Build(ResourcesDigest),
        ["digest-steady"] = DigestCard.Build(ResourcesDigest with
        {
            Counts =
            [
                new DigestCount("Green", 4, 4, null), new DigestCount("Amber", 2, 2, null),
                new DigestCount("Red", 3, 3, null),
            ],
        }),
        ["digest-late"] = DigestCard.Build(ResourcesDigest with { Late = "Posted late: PmfBot was unavailable at 09:00 on Monday 16 November. This covers the week to then." }),
        ["digest-mentions"] = DigestCard.Build(ResourcesDigest with
        {
            Sections = [new DigestSection("Overdue updates (1)", [new DigestItem("HR 01 Working days lost to sickness per FTE, rolling 12 months", "Q2 2026/27 · 30 days overdue · owed by <at>Priya Shah</at>")])],
            Mentions = [CardMention.Of("5a0f6c1e-2b7d-4e93-8a41-0c9d3e6b1f01", "Priya Shah")],
        }),
        ["digest-quiet"] = DigestCard.Build(ResourcesDigest with
        {
            Title = "Weekly digest: Waste",
            Quiet = "A quiet week for Waste: no new figures, no changes, nothing overdue and nothing due next week. Standing: 2 Green, 1 Amber.",
            Counts = [],
            Sections = [],
            ScorecardScope = "service|waste",
        }),
        ["subscribed"] = SubscriptionsCard.Build(new SubscriptionsView(
            "Subscribed",
            "This channel will get the weekly digest for the Resources department on Mondays at 09:00 (UK time). The first is on Monday 9 November 2026 at 09:00.",
            [
                new SubscriptionLine("Resources department", "Mondays at 09:00 (UK time)", "since 7 Nov 2026, by Priya Shah"),
                new SubscriptionLine("Waste", "Fridays at 16:00 (UK time)", "since 2 Nov 2026, by Daniel Okoro", "Teams refused the post (BotNotInConversationRoster): PmfBot is no longer in the team."),
            ],
            "Anyone in the channel can change these: \"subscribe Place department Fridays 16:00\", \"unsubscribe Waste\".")),
        ["subscriptions-none"] = SubscriptionsCard.Build(new SubscriptionsView("This channel's digests",
            "This channel has no digest subscriptions. @mention me with \"subscribe\" (the whole council) or \"subscribe Waste\" to start one.", [])),
        ["measure"] = MeasureCard.Build(new MeasureCardView("CS 02 Calls answered within 5 minutes",
            "Customer Services · Priya Shah (owner) · monthly", "71.2% for Sep 2026", "Red",
            [
                ("Target", "80.0% or more (Amber down to 76.0%, Red below)"),
                ("Direction of travel", "worse than Aug 2026 (72.9%)"),
                ("Against last year", "worse than Sep 2025 (83.0%)"),
                ("Next update", "Oct 2026, due 10 Nov 2026"),
            ],
            "Council tax bills and garden waste renewals drove record call volumes.",
            "Call-back service turned on at peak times; two temporary advisers recruited.",
            Cs02Trend("Sep 2026", "█▆▇▆▆▇▅▅▄▃▂▁▂"))
        {
            TabLink = new Uri("https://pmfbot.northmere.gov.uk/tab/?measure=CS%2002"),
        }),
        ["measure-no-figure"] = MeasureCard.Build(new MeasureCardView("HS 01 Households in temporary accommodation",
            "Housing · Fiona Grant (owner) · quarterly", null, "No figure",
            [("Target", "No target: reported for context")],
            null, null, null)),
        ["answer-list"] = AnswerListCard.Build(new AnswerListView("Off track: The Resources department",
            "2 of the 9 measures with a figure are off track (Red).",
            [
                new AnswerLine("CS 02 Calls answered within 5 minutes",
                    "71.2% for Sep 2026, target 80.0% or more · Red · Customer Services", "Red"),
                new AnswerLine("IG 01 FOI requests answered within 20 working days",
                    "88.0% for Sep 2026, target 95.0% or more · Escalated to Priya Shah on 7 Oct (Sep 2026): "
                        + "waiting for a decision · Red · Information Governance",
                    "Red"),
            ], 23,
            ("See them on the Performance tab",
                new Uri("https://pmfbot.northmere.gov.uk/tab/?scope=department:resources&status=Red")))),
        ["answer-search"] = AnswerListCard.Build(new AnswerListView("Said about \"call volumes\": Customer Services",
            "1 update mentions \"call volumes\", newest first.",
            [
                new AnswerLine("CS 02 Calls answered within 5 minutes",
                    "71.2% for Sep 2026 · Red · Priya Shah · Customer Services", "Red",
                    "Council tax bills and garden waste renewals drove record call volumes."),
            ], 0,
            ("See them on the Performance tab",
                new Uri("https://pmfbot.northmere.gov.uk/tab/?scope=service:customer-services")))),
        ["scorecard"] = ScorecardCard.Build(new ScorecardView("Resources department scorecard", "As at 9 November 2026 · 3 measures: 1 Green, 1 Red, 1 No figure",
        [
            new ScorecardGroup("Customer Services",
            [
                new ScorecardItem("CS 01", "Stage 1 complaints answered within 10 working days", "91.4% for Sep 2026", "Target 90.0% or more (Amber down to 85.5%, Red below)", "Green",
                    "→ about the same as Aug 2026 (91.2%)", "▅▆▆▇▇▆  stable over the last 6 figures", null),
                new ScorecardItem("CS 02", "Calls answered within 5 minutes", "71.2% for Sep 2026", "Target 80.0% or more (Amber down to 76.0%, Red below)", "Red",
                    "↘ worse than Aug 2026 (74.9%)", "█▇▆▅▃▁  worsening over the last 6 figures", "Escalated to Priya Shah on 9 Nov (Oct 2026): waiting for a decision"),
            ]),
            new ScorecardGroup("HR", [new ScorecardItem("HR 01", "Working days lost to sickness per FTE, rolling 12 months", null, "Target 8.5 days", "No figure", null, null, null)]),
        ])
        {
            ByStatus = [Bar("Customer Services", green: 1, red: 1), Bar("HR", noFigure: 1)],
        }),
        ["scorecard-service"] = ScorecardCard.Build(new ScorecardView(
            "Customer Services scorecard",
            "As at 9 November 2026 · 2 measures: 1 Green, 1 Red",
            [
                new ScorecardGroup(null, [new ScorecardItem(
                    "CS 01", "Stage 1 complaints answered within 10 working days", "91.4% for Sep 2026",
                    "Target 90.0% or more",
                    "Green", null, null, null)]),
            ])
        {
            ByStatus = [Bar("Customer Services", green: 1, red: 1)],
        }),
        ["scorecard-long"] = ScorecardCard.Build(new ScorecardView("Northmere District Council scorecard", "As at 9 November 2026 · 31 measures: 20 Green, 6 Amber, 5 Red",
            [new ScorecardGroup(null, [new ScorecardItem("NI 192", "Household waste sent for reuse, recycling and composting", "47.9% for Q2 2026/27", "Target 50.0% or more (Amber down to 47.5%, Red below)", "Amber", "↗ better than Q1 2026/27 (46.1%)", "▃▄▆  improving over the last 3 figures", null)])],
            30, "Ask for one service, e.g. \"how is Waste doing\", or one measure, e.g. \"show NI 192\".")
        {
            ByStatus =
            [
                Bar("Customer Services", green: 3, amber: 1, red: 1), Bar("Finance", green: 4, amber: 1),
                Bar("HR", green: 2, red: 1), Bar("Waste", green: 5, amber: 2, red: 2),
                Bar("Housing", green: 6, amber: 2, red: 1),
            ],
        }),
        ["scorecard-activities"] = ScorecardCard.Build(new ScorecardView(
            "Place department scorecard",
            "As at 9 November 2026 · 1 measure: 1 Amber",
            [
                new ScorecardGroup("Waste", [
                    new ScorecardItem("NI 192", "Household waste sent for reuse, recycling and composting",
                        "47.9% for Q2 2026/27", "Target 50.0% or more (Amber down to 47.5%, Red below)", "Amber",
                        null, null, null),
                ]),
            ])
        {
            Activities = new ScorecardActivities(
                "3 activities: 1 on track, 1 at risk, 1 off track",
                [
                    new ScorecardActivity(
                        "housing-system Replace the housing management system",
                        "Off track",
                        "Milestone \"Data migration tested\" missed (due 30 Sept 2026) · 40% complete · Fiona Grant",
                        "Commentary (Q2 2026/27): Data migration test failed twice; supplier's recovery plan awaited.\n"
                            + "Action: The supplier's *recovery* plan, due 20 Nov."),
                ]),
        }),
        ["report"] = ReportCard.Build(new ReportView(
            "Q2 2026/27 report: Customer Services",
            "2 measures, all with figures. One row each: target, value, status, direction of travel, the same period last year, commentary and action note, owner.",
            "The link works until 10:00 on 9 Nov 2026 (UK time); ask again for a fresh one.",
            new Uri("https://pmfbot.northmere.gov.uk/reports/CfDJ8Example"))),
        ["report-activities"] = ReportCard.Build(new ReportView(
            "Q2 2026/27 report: Place department",
            "12 measures, all with figures. One row each: target, value, status, direction of travel, the same period "
                + "last year, commentary and action note, owner. The 3 activities and milestones are a file of "
                + "their own.",
            "The link works until 10:00 on 9 Nov 2026 (UK time); ask again for a fresh one.",
            new Uri("https://pmfbot.northmere.gov.uk/reports/CfDJ8Example"))
        {
            PlanActivitiesDownload = new Uri("https://pmfbot.northmere.gov.uk/reports/CfDJ8Activities"),
            WorkbookDownload = new Uri("https://pmfbot.northmere.gov.uk/reports/CfDJ8Workbook"),
        }),
        ["which-service"] = ChoiceCard.Build("Which did you mean by \"plan\"?",
        [
            new ChoiceButton("Planning", Verbs.ShowScorecard, new Dictionary<string, string> { ["scope"] = "service|planning" }),
            new ChoiceButton("Planning Policy", Verbs.ShowScorecard, new Dictionary<string, string> { ["scope"] = "service|planning-policy" }),
        ]),
    };

    private static StatusBar Bar(string service, int green = 0, int amber = 0, int red = 0, int noFigure = 0) =>
        new(service,
        [
            new("Green", green), new("Amber", amber), new("Red", red), new("No target", 0), new("No figure", noFigure),
        ]);

    private static DigestView ResourcesDigest => new(
        "Weekly digest: Resources department",
        "Week to Monday 9 November 2026, 09:00 · 9 measures, 3 new figures",
        null,
        null,
        [
            new DigestCount("Green", 4, 5, "−1"), new DigestCount("Amber", 2, 2, null),
            new DigestCount("Red", 2, 1, "+1"),
            new DigestCount("No figure", 1, 1, null),
        ],
        [
            new DigestSection("Changed status this week (1)", [new DigestItem("CS 02 Calls answered within 5 minutes", "Green → Red · 61.5% for Oct 2026", "Red")]),
            new DigestSection("Red (2)",
            [
                new DigestItem("CS 02 Calls answered within 5 minutes", "61.5% for Oct 2026 · target 80.0% or more (Amber down to 76.0%, Red below)", "Red",
                    "Commentary: Two advisers off sick and record council tax calls.\nAction: Call-back at peak times; two temporary advisers from 16 Nov."),
                new DigestItem("IG 01 FOI requests answered within 20 working days", "87.8% for Sep 2026 · target 95.0% or more (Amber down to 90.3%, Red below)", "Red", "No commentary given."),
            ]),
            new DigestSection("Overdue updates (1)", [new DigestItem("HR 01 Working days lost to sickness per FTE, rolling 12 months", "Q2 2026/27 · 30 days overdue · owed by Priya Shah")]),
            new DigestSection("Escalations: 1 opened, 1 decided, 1 waiting for a decision",
            [
                new DigestItem("Opened: CS 02 Calls answered within 5 minutes", "Oct 2026 · to Priya Shah", "Open"),
                new DigestItem("Decided: HR 01 Working days lost to sickness per FTE, rolling 12 months", "Q2 2026/27 · Remedial action approved by Priya Shah", null, "Occupational health referrals within a week."),
            ]),
            new DigestSection("Due next week (9)", [new DigestItem("RB 01 Average days to process new Housing Benefit claims", "Oct 2026 · due Tue 10 Nov · Fiona Grant")], 8),
        ],
        "department|resources");

    private static Dictionary<string, string> EscalationData => new() { ["measure"] = "CS 02", ["period"] = "FY2026-M07" };

    private static EscalationView Cs02Escalation => new(
        "Escalated to you: CS 02 is Red",
        "CS 02",
        "Calls answered within 5 minutes",
        "Oct 2026",
        "Customer Services",
        "Priya Shah",
        "Priya Shah",
        "61.5% (Red)",
        "80.0% or more (Amber down to 76.0%, Red below)",
        [new TrendFigure("Aug 2026", "72.9%", "Red"), new TrendFigure("Sep 2026", "73.7%", "Red"), new TrendFigure("Oct 2026", "61.5%", "Red")],
        "Red: significantly off track, beyond the tolerance",
        "3 periods running, since Aug 2026",
        "Two advisers off long-term sick; the new phone menu doubled transfers.",
        "Two agency advisers for eight weeks; revert the phone menu.",
        [],
        null,
        false,
        "Open: waiting 2 days for Priya Shah's decision",
        "Only Priya Shah or Fiona Grant can decide this escalation.")
    {
        TrendChart = Cs02Trend("Oct 2026", "███▇█▇▇▆▆▅▅▅▁", latest: 61.5),
    };

    private static UpdatePromptView Cs02Prompt => new(
        "CS 02",
        "Calls answered within 5 minutes",
        "Oct 2026",
        "Your Oct 2026 update is due",
        "Tuesday 10 November 2026",
        IsOverdue: false,
        "80.0% or more (Amber down to 76.0%, Red below)",
        [new PastFigure("Sep 2026", "73.7%", "Red"), new PastFigure("Aug 2026", "72.9%", "Red"), new PastFigure("Jul 2026", "74.4%", "Red")],
        "Sep 2026 was better than Aug 2026 (72.9%)",
        "(Sep 2026) Call volumes stayed high after the council tax bills went out.",
        "Oct 2026 figure (%)",
        Min: 0,
        Max: 100,
        CommentaryRequired: true,
        "Required if the figure misses the target (80.0%).",
        new Dictionary<string, string> { ["measure"] = "CS 02", ["period"] = "FY2026-M07" })
    {
        Trend = Cs02Trend("Sep 2026", "█▆▇▆▆▇▅▅▄▃▂▁▂"),
    };

    /// <summary>CS 02's months as the demo council has them: the slide below target from the spring.</summary>
    private static (string Period, double Value)[] Cs02Months =>
    [
        ("Sep 2025", 83.5), ("Oct 2025", 81.2), ("Nov 2025", 82.0), ("Dec 2025", 80.9), ("Jan 2026", 80.1),
        ("Feb 2026", 81.6), ("Mar 2026", 79.4), ("Apr 2026", 78.2), ("May 2026", 77.0), ("Jun 2026", 75.8),
        ("Jul 2026", 74.4), ("Aug 2026", 72.9), ("Sep 2026", 73.7), ("Oct 2026", 73.7),
    ];

    /// <summary>The 13 months up to <paramref name="upTo"/>, against the 80% target.</summary>
    public static TrendView Cs02Trend(string upTo, string sparkline, double? latest = null)
    {
        var end = Array.FindIndex(Cs02Months, m => m.Period == upTo);
        var months = Cs02Months[(end - 12)..(end + 1)];
        months[^1] = (upTo, latest ?? months[^1].Value);
        return new TrendView(
            "CS 02 against its target, last 13 months",
            [.. months.Select(m => new TrendPoint(m.Period, m.Value, 80))],
            "CS 02 figure",
            "Target",
            "Red",
            $"Trend, last 13 months: {sparkline} from {months[0].Value:0.0}% ({months[0].Period}) "
                + $"to {months[^1].Value:0.0}% ({upTo}); target 80.0%.");
    }

    private static UpdateRecordedView Cs02Recorded => new(
        "CS 02",
        "Calls answered within 5 minutes",
        "Oct 2026",
        "73.7%",
        "Red",
        "80.0% or more (Amber down to 76.0%, Red below)",
        "about the same as Sep 2026 (73.7%)",
        "worse than Oct 2025 (81.2%)",
        "Queue times up after the phone system change.",
        "Two temporary advisers start on Monday.",
        "Priya Shah",
        "10:42 on 9 Nov 2026",
        "Next: the Nov 2026 figure, due by Thursday 10 December 2026. I'll send a card when Nov 2026 ends.")
    {
        Trend = Cs02Trend("Oct 2026", "▇█▇▇█▆▅▄▃▂▁▂▂"),
    };

    private static ExtensionView Cs02Extension => new(
        "Extension requested: CS 02", "CS 02", "Calls answered within 5 minutes", "Oct 2026", "Priya Shah at 09:12 on 7 Nov 2026", "Tuesday 10 November 2026",
        "Friday 13 November 2026 (3 days later)", "The telephony supplier's October report is late.", null, null,
        new Dictionary<string, string> { ["measure"] = "CS 02", ["period"] = "FY2026-M07", ["extension"] = "1a2b3c4d5e6f" });

    private static PlanActivityPromptView FoiAuditPrompt => new(
        "Act on the internal audit of FOI handling", "Information Governance", "Q2 2026/27", "Overdue: your Q2 2026/27 progress report was due 28 days ago",
        "Saturday 10 October 2026", true, "31 Mar 2027",
        [
            new MilestoneLine("Case-tracking system live", "30 Sep 2026", "Completed"),
            new MilestoneLine("All request handlers trained", "31 Dec 2026", "On track"),
            new MilestoneLine("Follow-up audit passed", "31 Mar 2027", "Not started"),
        ],
        "On track (Q1 2026/27): The quarter's milestones were met.",
        [("Not started", "NotStarted"), ("On track", "OnTrack"), ("At risk", "AtRisk"), ("Off track", "OffTrack"), ("Completed", "Completed")],
        new Dictionary<string, string> { ["activity"] = "foi-audit-actions", ["period"] = "FY2026-Q2" });
}
