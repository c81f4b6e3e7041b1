using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Scheduling;

namespace PmfBot.Features.Digests;

public static class DigestsStartup
{
    /// <summary>
    /// Weekly digests: subscriptions, composing, and the posting job.
    /// </summary>
    /// <remarks>
    /// One Quartz job checks every <see cref="DigestOptions.CheckEvery"/> rather than a trigger per
    /// subscription: subscriptions change at run time, in storage, from any instance, and the
    /// claim per (subscription, week) is what keeps postings exactly once, so the scheduler only
    /// has to wake up. Each subscription's time is Europe/London's (see DigestSchedule).
    /// </remarks>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<DigestOptions>()
            .Bind(configuration.GetSection(DigestOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestPoster>();
        services.AddKeyedSingleton<IScheduledWork>(DigestPoster.JobName, (s, _) =>
            s.GetRequiredService<DigestPoster>()
        );
        services.AddSingleton<SubscriptionCommands>();

        var settings = configuration.GetSection(DigestOptions.SectionName).Get<DigestOptions>() ?? new DigestOptions();
        if (settings.PostOnSchedule)
        {
            services.AddRepeatingJob<DigestPoster>(DigestPoster.JobName, settings.CheckEvery);
        }

        return services;
    }

    /// <summary>A channel's subscriptions: listed, chosen on the card, typed.</summary>
    public static TurnRouter MapDigests(this TurnRouter router, IServiceProvider services)
    {
        var subscriptions = services.GetRequiredService<SubscriptionCommands>();
        return router
            .OnCommand(SubscriptionCommands.ListPhrases, subscriptions.ListAsync)
            .OnVerb(Verbs.Subscribe, subscriptions.SubscribeChosenAsync)
            .OnFreeText(subscriptions.TypedAsync);
    }
}
