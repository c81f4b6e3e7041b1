using PmfBot.Cards;
using PmfBot.Features.Cover;
using PmfBot.Features.Extensions;
using PmfBot.Features.Onboarding;
using PmfBot.Features.Updates;
using PmfBot.Teams.Auth;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Hosting;

namespace PmfBot.Bot;

public static class BotStartup
{
    /// <summary>The Teams side: inbound auth, the connector, the routing table and the turn handler.</summary>
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFrameworkAuthentication(configuration);
        services.AddBotConnector(configuration);
        services.AddPacedSender(configuration);
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<BackgroundSends>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundSends>()); // after the paced sender, so it stops first
        services.AddSingleton<ConversationCapture>();
        services.AddSingleton<OnboardingHandlers>();
        services.AddSingleton<MyMeasuresQuery>();
        services.AddSingleton(sp =>
        {
            var onboarding = sp.GetRequiredService<OnboardingHandlers>();
            var myMeasures = sp.GetRequiredService<MyMeasuresQuery>();
            var updates = sp.GetRequiredService<UpdateHandlers>();
            return new TurnRouter()
                .OnCommand(OnboardingHandlers.HelpPhrases, onboarding.HelpAsync)
                .OnVerb(Verbs.Help, onboarding.HelpAsync)
                .OnCommand(MyMeasuresQuery.Phrases, myMeasures.AnswerAsync)
                .OnVerb(Verbs.MyMeasures, myMeasures.AnswerAsync)
                .OnCommand(UpdateHandlers.WhatsDuePhrases, updates.WhatsDueAsync)
                .OnVerb(Verbs.WhatsDue, updates.WhatsDueAsync)
                .OnVerb(Verbs.OpenUpdate, updates.OpenUpdateAsync)
                .OnVerb(Verbs.SubmitUpdate, updates.SubmitAsync)
                .OnCommand(WaitingForInstallQuery.Phrases, sp.GetRequiredService<WaitingForInstallQuery>().AnswerAsync)
                .OnVerb(Verbs.SubmitActivity, sp.GetRequiredService<Features.Activities.ActivityReports>().SubmitAsync)
                .OnVerb(Verbs.OpenActivity, sp.GetRequiredService<Features.Activities.ActivityReports>().OpenAsync)
                .OnVerb(Verbs.RequestExtension, sp.GetRequiredService<ExtensionRequests>().SubmitFormAsync)
                .OnVerb(Verbs.DecideExtension, sp.GetRequiredService<ExtensionDecisions>().DecideAsync)
                .OnCommand(Features.Escalations.EscalationCommands.MinePhrases, sp.GetRequiredService<Features.Escalations.EscalationCommands>().MineAsync)
                .OnVerb(Verbs.OpenEscalation, sp.GetRequiredService<Features.Escalations.EscalationDecisions>().OpenAsync)
                .OnVerb(Verbs.DecideEscalation, sp.GetRequiredService<Features.Escalations.EscalationDecisions>().DecideAsync)
                .OnVerb(Verbs.AnswerEscalation, sp.GetRequiredService<Features.Escalations.EscalationDecisions>().AnswerAsync)
                .OnVerb(Verbs.CloseEscalation, sp.GetRequiredService<Features.Escalations.EscalationDecisions>().CloseAsync)
                .OnCommand(DelegationHandlers.ListPhrases, sp.GetRequiredService<DelegationHandlers>().ListAsync)
                .OnCommand(DelegationHandlers.StopPhrases, sp.GetRequiredService<DelegationHandlers>().StopAsync)
                .OnCommand(Features.Digests.SubscriptionCommands.ListPhrases, sp.GetRequiredService<Features.Digests.SubscriptionCommands>().ListAsync)
                .OnVerb(Verbs.Subscribe, sp.GetRequiredService<Features.Digests.SubscriptionCommands>().SubscribeChosenAsync)
                .OnVerb(Verbs.ShowScorecard, sp.GetRequiredService<Features.Scorecards.ScorecardCommands>().ShowAsync)
                .OnFreeText(sp.GetRequiredService<Features.Digests.SubscriptionCommands>().TypedAsync)
                .OnFreeText(sp.GetRequiredService<Features.Scorecards.ScorecardCommands>().TypedAsync)
                .OnFreeText(sp.GetRequiredService<Features.Reports.ReportCommands>().TypedAsync)
                .OnFreeText(sp.GetRequiredService<Features.Escalations.EscalationCommands>().TypedAsync)
                .OnFreeText(sp.GetRequiredService<DelegationHandlers>().TypedDelegationAsync)
                .OnFreeText(sp.GetRequiredService<SnoozeHandler>().TypedSnoozeAsync)
                .OnFreeText(sp.GetRequiredService<CorrectionHandler>().TypedCorrectionAsync)
                .OnFreeText(sp.GetRequiredService<ExtensionRequests>().TypedRequestAsync)
                .OnFreeText(updates.TypedAnswerAsync);
        });
        services.AddSingleton<IBot, PmfBotTurnHandler>();
        return services;
    }
}
