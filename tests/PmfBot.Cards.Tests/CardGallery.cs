using PmfBot.Cards.Model;
using PmfBot.Cards.Onboarding;
using PmfBot.Cards.Updates;

namespace PmfBot.Cards.Tests;

/// <summary>Every card the bot can send, filled in as the demo council would fill it.</summary>
public static class CardGallery
{
    public static IReadOnlyDictionary<string, AdaptiveCard> All { get; } = new Dictionary<string, AdaptiveCard>
    {
        ["welcome-personal"] = WelcomeCard.Build(new WelcomeView("Northmere District Council", "Priya Shah", 3, IsChannel: false)),
        ["welcome-personal-unknown"] = WelcomeCard.Build(new WelcomeView("Northmere District Council", null, 0, IsChannel: false)),
        ["welcome-channel"] = WelcomeCard.Build(new WelcomeView("Northmere District Council", null, 0, IsChannel: true)),
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
    };
}
